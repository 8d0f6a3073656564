import { useId, useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../api/client';
import { isVersionConflict } from '../api/use-versioned-save';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './error-notice';
import { SettingField, fieldSettings, type SettingValue } from './setting-field';

/** The server's bounds of `autoResolveAfterSeconds` (a minute to 30 days). */
const AUTO_RESOLVE_SECONDS = { min: 60, max: 2_592_000 };

type Draft = Record<string, SettingValue | undefined>;

/** What the form starts from: the stored values, except secrets, which are never sent back. */
function initialDraft(
  integration: Schemas['IntegrationView'],
  settings: Schemas['PluginSettingSchema'][],
): Draft {
  return Object.fromEntries(
    settings.map((setting) => {
      const stored = integration.settings[setting.name];
      const shown =
        setting.kind !== 'secret' &&
        (typeof stored === 'string' || typeof stored === 'number' || typeof stored === 'boolean')
          ? stored
          : undefined;
      return [setting.name, shown];
    }),
  );
}

/**
 * The settings that changed, as PATCH takes them: a cleared one as null; a secret only when a
 * new value was typed (left empty, the stored one stays).
 */
function changedSettings(
  integration: Schemas['IntegrationView'],
  settings: Schemas['PluginSettingSchema'][],
  draft: Draft,
): Record<string, SettingValue | null> {
  const changes: Record<string, SettingValue | null> = {};
  for (const setting of settings) {
    const value = draft[setting.name];
    if (setting.kind === 'secret') {
      if (value !== undefined) changes[setting.name] = value;
    } else if (value !== integration.settings[setting.name]) {
      changes[setting.name] = value ?? null;
    }
  }
  return changes;
}

/** The plugin's settings of an integration and its auto-resolve time, saved together. */
export function SettingsSection({
  integration,
  plugin,
  onSaved,
  onReload,
}: {
  integration: Schemas['IntegrationView'];
  plugin: Schemas['PluginDetail'] | undefined;
  onSaved: (message: string) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const settings = fieldSettings(plugin?.settings);
  const [draft, setDraft] = useState(() => initialDraft(integration, settings));
  const [autoResolve, setAutoResolve] = useState(integration.autoResolveAfterSeconds);
  const [error, setError] = useState<unknown>();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const changes = changedSettings(integration, settings, draft);
    try {
      await must(
        api.PATCH('/api/v1/integrations/{id}', {
          params: { path: { id: integration.id } },
          body: {
            autoResolveAfterSeconds: autoResolve,
            ...(Object.keys(changes).length > 0 && {
              // PATCH takes null to clear a setting; the generated type knows only values.
              settings: changes as Record<string, SettingValue>,
              settingsVersion: integration.settingsVersion,
            }),
          },
        }),
      );
      onSaved(t('settings.saved'));
    } catch (failure) {
      setError(failure);
    }
  };
  const stale = isVersionConflict(error);

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      <form className="stacked" onSubmit={(event) => void save(event)}>
        {settings.map((setting) => (
          <SettingField
            key={setting.name}
            setting={setting}
            value={draft[setting.name]}
            secretIsSet={typeof integration.settings[setting.name] === 'object'}
            onChange={(value) => setDraft({ ...draft, [setting.name]: value })}
          />
        ))}
        <div className="field">
          <label htmlFor={`${id}-auto-resolve`}>{t('settings.autoResolve')}</label>
          <input
            id={`${id}-auto-resolve`}
            type="number"
            required
            min={AUTO_RESOLVE_SECONDS.min}
            max={AUTO_RESOLVE_SECONDS.max}
            value={autoResolve}
            aria-describedby={`${id}-auto-resolve-help`}
            onChange={(event) => setAutoResolve(event.target.valueAsNumber)}
          />
          <p id={`${id}-auto-resolve-help`} className="muted">
            {t('settings.autoResolveHelp')}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
        </div>
      </form>
      {stale ? (
        <div role="alert" className="notice error">
          <p>{t('settings.stale')}</p>
          <button type="button" onClick={onReload}>
            {t('settings.reload')}
          </button>
        </div>
      ) : (
        error !== undefined && <ErrorNotice error={error} />
      )}
    </section>
  );
}
