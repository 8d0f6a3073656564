import { useId, useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../api/client';
import { isVersionConflict } from '../api/use-versioned-save';
import { usePreview } from '../api/use-preview';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './error-notice';
import { EventCells } from './event-cells';
import { StaleVersionNotice } from './stale-version-notice';
import {
  PayloadChoice,
  UnusablePayload,
  firstSource,
  jsonObjectOf,
  type Payload,
  type PayloadSource,
} from './payload-choice';

/**
 * The ready-made mappings of the mapped webhook (plugins/webhook/docs/mappings), taken from
 * where they are documented and tested, by file name.
 */
const READY_MADE: Record<string, unknown> = Object.fromEntries(
  Object.entries(
    import.meta.glob<unknown>('../../../../plugins/webhook/docs/mappings/*.json', {
      eager: true,
      import: 'default',
    }),
  ).map(([path, mapping]) => [path.replace(/^.*\/|\.json$/g, ''), mapping]),
);

type SaveState =
  | { kind: 'saved' }
  | { kind: 'stale' }
  | { kind: 'reloaded'; saved: Schemas['MappingView'] }
  | { kind: 'failed'; error: unknown };

function asText(mapping: unknown): string {
  return mapping === null ? '' : JSON.stringify(mapping, null, 2);
}

/**
 * An integration's mapping (README: the mapped webhook): edited as JSON, started from a
 * ready-made one if wished, tried on a payload before saving; a stale version (409) is said and
 * the edit kept.
 */
export function MappingSection({
  integrationId,
  saved,
  samples,
}: {
  integrationId: string;
  saved: Schemas['MappingView'];
  samples: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(() => asText(saved.mapping));
  const [version, setVersion] = useState(saved.version);
  const [readyMade, setReadyMade] = useState('');
  const [state, setState] = useState<SaveState>();
  const [source, setSource] = useState<PayloadSource>(() => firstSource(samples));
  const path = { params: { path: { id: integrationId } } };
  // The server checks the mapping and names each problem: the console only checks it is JSON.
  const mapping = () =>
    jsonObjectOf(
      text,
      t('mapping.notJson'),
      t('mapping.notObject'),
    ) as Schemas['EventMappingSchema'];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const answer = await must(
        api.PUT('/api/v1/integrations/{id}/mapping', {
          ...path,
          body: { version, mapping: mapping() },
        }),
      );
      setVersion(answer.data.version);
      setState({ kind: 'saved' });
    } catch (error) {
      const stale = isVersionConflict(error);
      setState(stale ? { kind: 'stale' } : { kind: 'failed', error });
    }
  };

  const reloadKeepingEdit = async () => {
    try {
      const latest = await must(api.GET('/api/v1/integrations/{id}/mapping', path));
      setVersion(latest.data.version);
      setState({ kind: 'reloaded', saved: latest.data });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  const {
    result: preview,
    error: previewError,
    run: tryIt,
  } = usePreview(async () => {
    const payload =
      source.kind === 'pasted'
        ? jsonObjectOf(source.text, t('preview.notJson'), t('preview.notObject'))
        : source.kind === 'sample'
          ? (samples[source.name] as Payload)
          : undefined;
    const answer = await must(
      api.POST('/api/v1/integrations/{id}/mapping/preview', {
        ...path,
        // Any JSON, which the generated type cannot say.
        body: { payload: payload as Schemas['PreviewMappingDto']['payload'], mapping: mapping() },
      }),
    );
    return answer.data;
  });

  const unusable = (error: unknown) =>
    error instanceof UnusablePayload ? (
      <p role="alert" className="notice error">
        {error.message}
      </p>
    ) : (
      <ErrorNotice error={error} />
    );

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('mapping.title')}</h2>
      <p>{t('mapping.intro')}</p>
      {saved.mapping === null && <p className="notice">{t('mapping.none')}</p>}
      <div className="inline">
        <label htmlFor={`${id}-ready-made`}>{t('mapping.readyMade')}</label>
        <select
          id={`${id}-ready-made`}
          value={readyMade}
          onChange={(event) => setReadyMade(event.target.value)}
        >
          <option value="">{t('mapping.pickReadyMade')}</option>
          {Object.keys(READY_MADE).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={readyMade === ''}
          onClick={() => setText(asText(READY_MADE[readyMade]))}
        >
          {t('mapping.use')}
        </button>
      </div>
      <form className="stacked" onSubmit={(event) => void save(event)}>
        <div className="field">
          <label htmlFor={`${id}-json`}>{t('mapping.json')}</label>
          <textarea
            id={`${id}-json`}
            rows={16}
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('mapping.save')}
          </button>
          <details className="version">
            <summary>{t('routes.versionSummary')}</summary>
            <p className="muted">{t('routes.version', { version })}</p>
          </details>
        </div>
      </form>
      <div role="status" className="status-line">
        {state?.kind === 'saved' && <p className="notice">{t('mapping.saved')}</p>}
      </div>
      {state?.kind === 'failed' && unusable(state.error)}
      {(state?.kind === 'stale' || state?.kind === 'reloaded') && (
        <StaleVersionNotice
          savedNow={state.kind === 'reloaded' ? state.saved.mapping : undefined}
          onReload={() => void reloadKeepingEdit()}
          texts={{
            title: t('mapping.stale'),
            reloadKeepingEdit: t('mapping.reloadKeepingEdit'),
            reloaded: t('mapping.reloaded'),
            savedNow: t('mapping.savedNow'),
          }}
        />
      )}
      <h3>{t('mapping.preview')}</h3>
      <p>{t('mapping.previewIntro')}</p>
      <form className="stacked" onSubmit={(event) => void tryIt(event)}>
        <PayloadChoice samples={samples} source={source} onChange={setSource} />
        <div>
          <button type="submit">{t('preview.run')}</button>
        </div>
      </form>
      {previewError !== undefined && unusable(previewError)}
      {preview && (
        <table>
          <caption>
            {t('mapping.result')} · {t('mapping.alerts', { count: preview.alertKeys.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('events.event')}</th>
              <th scope="col">{t('filters.severity')}</th>
              <th scope="col">{t('filters.status')}</th>
              <th scope="col">{t('alerts.labels')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.events.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('preview.noEvents')}
                </td>
              </tr>
            )}
            {preview.events.map((event, index) => (
              <tr key={index}>
                <EventCells event={event} />
                <td>
                  <code>
                    {Object.entries(event.labels)
                      .map(([name, value]) => `${name}=${value}`)
                      .join(', ')}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
