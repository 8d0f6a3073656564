import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { ErrorNotice } from '../components/error-notice';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';

type SettingValue = string | number | boolean;

/** An input for one of the plugin's declared settings, by its kind. */
function SettingField({
  setting,
  value,
  onChange,
}: {
  setting: Schemas['PluginSettingSchema'];
  value: SettingValue | undefined;
  onChange: (value: SettingValue | undefined) => void;
}) {
  const id = `setting-${setting.name}`;
  if (setting.kind === 'boolean') {
    return (
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />{' '}
          <code>{setting.name}</code>
        </label>
        <p className="muted">{setting.description}</p>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        <code>{setting.name}</code>
      </label>
      <input
        id={id}
        type={
          setting.kind === 'secret' ? 'password' : setting.kind === 'number' ? 'number' : 'text'
        }
        autoComplete="off"
        required={setting.required}
        value={value === undefined ? '' : String(value)}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          const text = event.target.value;
          if (text === '') onChange(undefined);
          else onChange(setting.kind === 'number' ? Number(text) : text);
        }}
      />
      <p id={`${id}-help`} className="muted">
        {setting.description}
      </p>
    </div>
  );
}

/** Create: pick a source, name it, then send it to a channel (private) or by rules (shared). */
export function NewIntegrationPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [search] = useSearchParams();
  const [pluginId, setPluginId] = useState(search.get('plugin') ?? '');
  const [name, setName] = useState('');
  const [type, setType] = useState<'private' | 'shared'>('private');
  const [channelId, setChannelId] = useState('');
  const [settings, setSettings] = useState<Record<string, SettingValue>>({});
  const [error, setError] = useState<unknown>();

  const choices = useLoad(async () => {
    const [plugins, channels] = await Promise.all([
      must(api.GET('/api/v1/plugins')),
      must(api.GET('/api/v1/channels')),
    ]);
    return { plugins: plugins.data, channels: channels.data };
  }, 'choices');
  const plugin = useLoad(
    async () =>
      pluginId === ''
        ? undefined
        : (await must(api.GET('/api/v1/plugins/{id}', { params: { path: { id: pluginId } } })))
            .data,
    pluginId,
  );

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await must(
        api.POST('/api/v1/integrations', {
          body: {
            name,
            pluginId,
            type,
            ...(type === 'private' ? { channelId } : {}),
            settings,
          },
        }),
      );
      navigate(`/integrations/${created.data.id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Page title={t('integrations.new')}>
      <LoadState loaded={choices}>
        {({ plugins, channels }) => (
          <form onSubmit={(event) => void create(event)} className="stacked">
            <div className="field">
              <label htmlFor="plugin">{t('integrations.source')}</label>
              <select
                id="plugin"
                required
                value={pluginId}
                onChange={(event) => {
                  setPluginId(event.target.value);
                  setSettings({});
                }}
              >
                <option value="">{t('integrations.pickSource')}</option>
                {plugins.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name}
                  </option>
                ))}
              </select>
              {plugin.state === 'ready' && plugin.data && (
                <p className="muted">{plugin.data.description}</p>
              )}
            </div>
            <div className="field">
              <label htmlFor="name">{t('common.name')}</label>
              <input
                id="name"
                required
                maxLength={100}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </div>
            <fieldset>
              <legend>{t('integrations.type')}</legend>
              {(['private', 'shared'] as const).map((choice) => (
                <label key={choice} className="choice">
                  <input
                    type="radio"
                    name="type"
                    value={choice}
                    checked={type === choice}
                    onChange={() => setType(choice)}
                  />{' '}
                  {t(`integrations.type.${choice}`)} — {t(`integrations.typeHelp.${choice}`)}
                </label>
              ))}
            </fieldset>
            {type === 'private' && (
              <div className="field">
                <label htmlFor="channel">{t('integrations.channel')}</label>
                <select
                  id="channel"
                  required
                  value={channelId}
                  onChange={(event) => setChannelId(event.target.value)}
                >
                  <option value="">{t('integrations.pickChannel')}</option>
                  {channels.map((channel) => (
                    <option key={channel.id} value={channel.id}>
                      {channel.name}
                    </option>
                  ))}
                </select>
                {channels.length === 0 && (
                  <p>
                    <Link href="/channels">{t('integrations.createChannelFirst')}</Link>
                  </p>
                )}
              </div>
            )}
            {plugin.state === 'ready' &&
              plugin.data?.settings.map((setting) => (
                <SettingField
                  key={setting.name}
                  setting={setting}
                  value={settings[setting.name]}
                  onChange={(value) => {
                    const { [setting.name]: _previous, ...others } = settings;
                    setSettings(
                      value === undefined ? others : { ...others, [setting.name]: value },
                    );
                  }}
                />
              ))}
            <div className="actions">
              <button type="submit" className="primary">
                {t('integrations.create')}
              </button>
            </div>
            {error !== undefined && <ErrorNotice error={error} />}
          </form>
        )}
      </LoadState>
    </Page>
  );
}
