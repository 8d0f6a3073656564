import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** Channels to tick, in a fieldset named by `legend`. */
export function ChannelChoices({
  legend,
  channels,
  chosen,
  onChange,
}: {
  legend: string;
  channels: Schemas['Channel'][];
  chosen: string[];
  onChange: (channelIds: string[]) => void;
}) {
  const { t } = useI18n();
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((chosenId) => chosenId !== id));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {channels.length === 0 && <p className="muted">{t('integrations.createChannelFirst')}</p>}
      {channels.map((channel) => (
        <label key={channel.id} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(channel.id)}
            onChange={(event) => toggle(channel.id, event.target.checked)}
          />
          {channel.name}
        </label>
      ))}
    </fieldset>
  );
}
