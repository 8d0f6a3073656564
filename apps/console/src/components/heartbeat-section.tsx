import { useId, useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { cleanCondition, newCondition } from '../routing/conditions';
import { ConditionsEditor } from './conditions-editor';
import { CopyButton } from './copy-button';
import { ErrorNotice } from './error-notice';
import { TimeText } from './time-text';

type Heartbeat = Schemas['HeartbeatView'];
type HeartbeatSettings = Schemas['HeartbeatDto'];

const SOURCES: Schemas['HeartbeatSource'][] = ['ping', 'push', 'events'];

/** What a new heartbeat starts from: the README's Watchdog example. */
function initialSettings(heartbeat: Heartbeat | null): HeartbeatSettings {
  if (heartbeat === null) {
    return { enabled: true, intervalSeconds: 300, graceSeconds: 60, source: 'ping' };
  }
  const { enabled, intervalSeconds, graceSeconds, source, conditions } = heartbeat;
  return { enabled, intervalSeconds, graceSeconds, source, conditions };
}

function toRequest(settings: HeartbeatSettings): HeartbeatSettings {
  const { conditions, ...rest } = settings;
  return rest.source === 'events'
    ? { ...rest, conditions: (conditions ?? []).map(cleanCondition) }
    : rest;
}

function HeartbeatState({ heartbeat }: { heartbeat: Heartbeat }) {
  const { t, formatNumber } = useI18n();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('heartbeat.status')}</dt>
          <dd>
            <span className={`badge badge-heartbeat-${heartbeat.status}`}>
              {t(`heartbeat.status.${heartbeat.status}` as MessageKey)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('heartbeat.lastBeat')}</dt>
          <dd>
            <TimeText value={heartbeat.lastBeatAt} />
          </dd>
        </div>
        <div>
          <dt>{heartbeat.status === 'missed' ? t('heartbeat.missedAt') : t('heartbeat.dueAt')}</dt>
          <dd>
            <TimeText value={heartbeat.dueAt} />
          </dd>
        </div>
        <div>
          <dt>{t('heartbeat.source')}</dt>
          <dd>{t(`heartbeat.source.${heartbeat.source}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('heartbeat.timing')}</dt>
          <dd>
            {t('heartbeat.timingValue', {
              interval: formatNumber(heartbeat.intervalSeconds),
              grace: formatNumber(heartbeat.graceSeconds),
            })}
          </dd>
        </div>
      </dl>
      {heartbeat.source === 'ping' && (
        <div className="inline">
          <label htmlFor="ping-url">{t('heartbeat.pingUrl')}</label>
          <input
            id="ping-url"
            readOnly
            className="push-url"
            value={heartbeat.pingUrl}
            onFocus={(event) => event.target.select()}
          />
          <CopyButton text={heartbeat.pingUrl} label={t('heartbeat.copyPingUrl')} />
        </div>
      )}
    </>
  );
}

/** The integration's dead-man's switch (README: Heartbeats): its state, and its settings. */
export function HeartbeatSection({
  integration,
  onSaved,
}: {
  integration: Schemas['IntegrationView'];
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [settings, setSettings] = useState(() => initialSettings(integration.heartbeat));
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState(false);
  const saved = initialSettings(integration.heartbeat);
  const unsaved = JSON.stringify(toRequest(settings)) !== JSON.stringify(toRequest(saved));
  const path = { params: { path: { id: integration.id } } };

  const patch = async (heartbeat: HeartbeatSettings | null, message: string) => {
    setError(undefined);
    try {
      await must(api.PATCH('/api/v1/integrations/{id}', { ...path, body: { heartbeat } }));
      onSaved(message);
    } catch (failure) {
      setError(failure);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void patch(toRequest(settings), t('heartbeat.saved'));
  };
  const setSource = (source: Schemas['HeartbeatSource']) =>
    setSettings({
      ...settings,
      source,
      conditions:
        source === 'events' && !settings.conditions?.length
          ? [newCondition()]
          : settings.conditions,
    });

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('heartbeat.title')}</h2>
      <p>{t('heartbeat.intro')}</p>
      {integration.heartbeat === null ? (
        <p className="muted">{t('heartbeat.none')}</p>
      ) : (
        <HeartbeatState heartbeat={integration.heartbeat} />
      )}
      {!editing && (
        <button type="button" onClick={() => setEditing(true)}>
          {integration.heartbeat === null ? t('heartbeat.setUp') : t('heartbeat.change')}
        </button>
      )}
      {editing && (
        <form className="stacked" onSubmit={save}>
          <h3>
            {integration.heartbeat === null ? t('heartbeat.newTitle') : t('heartbeat.editTitle')}
          </h3>
          <div className="field">
            <label htmlFor={`${id}-source`}>{t('heartbeat.source')}</label>
            <select
              id={`${id}-source`}
              value={settings.source}
              onChange={(event) => setSource(event.target.value as Schemas['HeartbeatSource'])}
            >
              {SOURCES.map((source) => (
                <option key={source} value={source}>
                  {t(`heartbeat.source.${source}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          {settings.source === 'events' && (
            <fieldset>
              <legend>{t('heartbeat.conditions')}</legend>
              <ConditionsEditor
                conditions={settings.conditions ?? []}
                onChange={(conditions) => setSettings({ ...settings, conditions })}
                emptyText={t('heartbeat.conditionsNeeded')}
              />
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={`${id}-interval`}>{t('heartbeat.interval')}</label>
            <input
              id={`${id}-interval`}
              type="number"
              required
              min={60}
              max={2_592_000}
              value={settings.intervalSeconds}
              onChange={(event) =>
                setSettings({ ...settings, intervalSeconds: event.target.valueAsNumber })
              }
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-grace`}>{t('heartbeat.grace')}</label>
            <input
              id={`${id}-grace`}
              type="number"
              required
              min={0}
              max={86_400}
              value={settings.graceSeconds}
              onChange={(event) =>
                setSettings({ ...settings, graceSeconds: event.target.valueAsNumber })
              }
            />
          </div>
          <label className="choice">
            <input
              type="checkbox"
              checked={settings.enabled}
              onChange={(event) => setSettings({ ...settings, enabled: event.target.checked })}
            />
            {t('heartbeat.enabled')}
          </label>
          <p className="hint">{t('heartbeat.restartHint')}</p>
          <div className="actions">
            <button type="submit" className="primary">
              {t('heartbeat.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setSettings(saved);
                setEditing(false);
              }}
            >
              {t('common.cancel')}
            </button>
            {integration.heartbeat !== null && (
              <button
                type="button"
                className="danger"
                onClick={() => void patch(null, t('heartbeat.removed'))}
              >
                {t('heartbeat.remove')}
              </button>
            )}
          </div>
          <p role="status" className={unsaved || integration.heartbeat === null ? 'hint' : 'muted'}>
            {integration.heartbeat === null
              ? t('heartbeat.notSavedYet')
              : unsaved
                ? t('heartbeat.unsaved')
                : t('heartbeat.noChange')}
          </p>
        </form>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
    </section>
  );
}
