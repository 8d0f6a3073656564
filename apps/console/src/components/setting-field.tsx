import { useId } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

export type SettingValue = string | number | boolean;
type Setting = Schemas['PluginSettingSchema'];

/** The settings a form edits field by field: a mapping has its own editor (mapping-section). */
export function fieldSettings(settings: readonly Setting[] | undefined): Setting[] {
  return (settings ?? []).filter((setting) => setting.kind !== 'mapping');
}

/** The browser's list of IANA zones, for a timezone setting (the server checks the name). */
const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/**
 * An input for one of a plugin's declared settings, by its kind. A secret is never shown: when
 * one is stored the field says so, and typing replaces it; left empty, it stays.
 */
export function SettingField({
  setting,
  value,
  secretIsSet = false,
  onChange,
}: {
  setting: Setting;
  value: SettingValue | undefined;
  secretIsSet?: boolean;
  onChange: (value: SettingValue | undefined) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const help = (
    <p id={`${id}-help`} className="muted">
      {setting.description}
      {setting.kind === 'secret' && secretIsSet && <> {t('settings.secretIsSet')}</>}
    </p>
  );
  if (setting.kind === 'boolean') {
    return (
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={value === true}
            aria-describedby={`${id}-help`}
            onChange={(event) => onChange(event.target.checked)}
          />
          <code>{setting.name}</code>
        </label>
        {help}
      </div>
    );
  }
  const type = { secret: 'password', number: 'number' }[setting.kind as string] ?? 'text';
  return (
    <div className="field">
      <label htmlFor={id}>
        <code>{setting.name}</code>
        {setting.required && <span className="muted"> ({t('common.required')})</span>}
      </label>
      <input
        id={id}
        type={type}
        list={setting.kind === 'timezone' ? `${id}-zones` : undefined}
        autoComplete="off"
        required={setting.required && !secretIsSet}
        placeholder={
          setting.kind === 'secret' && secretIsSet
            ? t('settings.secretPlaceholder')
            : setting.default === undefined
              ? undefined
              : String(setting.default)
        }
        value={value === undefined ? '' : String(value)}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          const text = event.target.value;
          if (text === '') onChange(undefined);
          else onChange(setting.kind === 'number' ? Number(text) : text);
        }}
      />
      {setting.kind === 'timezone' && (
        <datalist id={`${id}-zones`}>
          {TIME_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      )}
      {help}
    </div>
  );
}
