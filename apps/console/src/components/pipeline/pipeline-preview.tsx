import { useId, useState } from 'react';
import { api, must, type Schemas } from '../../api/client';
import { usePreview } from '../../api/use-preview';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import type { PipelineStep } from '../../pipeline/steps';
import { ErrorNotice } from '../error-notice';
import { UnusablePayload, jsonObjectOf, type Payload } from '../payload-choice';

/** Stored events offered by default: enough to see what the pipeline does to the recent ones. */
const DEFAULT_STORED = 10;
const MAX_STORED = 100;

type EventState = Schemas['PreviewedEventState'];
const labelsText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');

/** What is compared before and after, each as the text the table shows. */
const COMPARED: Array<[MessageKey, (state: EventState) => string]> = [
  ['pipeline.preview.title', (state) => state.title],
  ['filters.severity', (state) => state.severity],
  ['filters.status', (state) => state.status],
  ['common.description', (state) => state.description ?? ''],
  ['alerts.labels', (state) => labelsText(state.labels)],
];

function PreviewedEvent({
  number,
  event,
}: {
  number: number;
  event: Schemas['PipelinePreviewEvent'];
}) {
  const { t } = useI18n();
  const applied =
    event.steps.length === 0
      ? t('pipeline.preview.noStep')
      : event.steps
          .map((step) =>
            t('pipeline.preview.stepRef', {
              number: step.index + 1,
              kind: t(`pipeline.kind.${step.kind}` as MessageKey),
              name: step.name ?? '',
            }),
          )
          .join(', ');
  return (
    <table>
      <caption>
        {t('pipeline.preview.event', { number, title: event.before.title })}
        {event.storedEventId !== null && ` (#${event.storedEventId})`} ·{' '}
        {t('pipeline.preview.applied')}: {applied}
        {event.dropped && (
          <>
            {' · '}
            <strong>
              {t('pipeline.preview.dropped', {
                number: event.dropped.index + 1,
                reason: event.dropped.reason,
              })}
            </strong>
          </>
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('pipeline.preview.what')}</th>
          <th scope="col">{t('pipeline.preview.before')}</th>
          <th scope="col">{t('pipeline.preview.after')}</th>
        </tr>
      </thead>
      <tbody>
        {COMPARED.map(([label, read]) => {
          const before = read(event.before);
          const after = event.after === null ? '—' : read(event.after);
          return (
            <tr key={label} className={before === after ? undefined : 'changed'}>
              <th scope="row">{t(label)}</th>
              <td>{before}</td>
              <td>{after}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type Source = { kind: 'sample'; name: string } | { kind: 'pasted' } | { kind: 'stored' };

/**
 * Runs the steps being edited on a sample of the plugin, a pasted payload or the latest stored
 * events (nothing is stored), and shows each event before and after, and the steps that changed
 * it.
 */
export function PipelinePreview({
  integrationId,
  steps,
  samples,
}: {
  integrationId: string;
  steps: PipelineStep[];
  samples: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const id = useId();
  const sampleNames = Object.keys(samples);
  const [source, setSource] = useState<Source>(
    sampleNames[0] === undefined ? { kind: 'pasted' } : { kind: 'sample', name: sampleNames[0] },
  );
  const [pasted, setPasted] = useState('');
  const [stored, setStored] = useState(DEFAULT_STORED);

  const request = (): Schemas['PreviewPipelineDto'] => {
    const pipeline = { steps };
    if (source.kind === 'stored') return { stored, pipeline };
    const payload: Payload =
      source.kind === 'pasted'
        ? jsonObjectOf(pasted, t('preview.notJson'), t('preview.notObject'))
        : (samples[source.name] as Payload);
    return { payload, pipeline };
  };
  const { result, error, run } = usePreview(async () => {
    const answer = await must(
      api.POST('/api/v1/integrations/{id}/pipeline/preview', {
        params: { path: { id: integrationId } },
        body: request(),
      }),
    );
    return answer.data;
  });
  const sourceValue = source.kind === 'sample' ? `sample:${source.name}` : source.kind;

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('pipeline.preview.heading')}</h3>
      <p>{t('pipeline.preview.intro')}</p>
      <form className="stacked" onSubmit={(event) => void run(event)}>
        <div className="field">
          <label htmlFor={`${id}-source`}>{t('preview.payload')}</label>
          <select
            id={`${id}-source`}
            value={sourceValue}
            onChange={(event) => {
              const value = event.target.value;
              if (value.startsWith('sample:')) setSource({ kind: 'sample', name: value.slice(7) });
              else setSource({ kind: value === 'stored' ? 'stored' : 'pasted' });
            }}
          >
            {sampleNames.map((name) => (
              <option key={name} value={`sample:${name}`}>
                {t('preview.sample', { name })}
              </option>
            ))}
            <option value="pasted">{t('preview.pasted')}</option>
            <option value="stored">{t('pipeline.preview.stored')}</option>
          </select>
        </div>
        {source.kind === 'pasted' && (
          <div className="field">
            <label htmlFor={`${id}-pasted`}>{t('preview.pastedLabel')}</label>
            <textarea
              id={`${id}-pasted`}
              rows={8}
              spellCheck={false}
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
            />
          </div>
        )}
        {source.kind === 'stored' && (
          <div className="field">
            <label htmlFor={`${id}-stored`}>{t('pipeline.preview.storedCount')}</label>
            <input
              id={`${id}-stored`}
              type="number"
              min={1}
              max={MAX_STORED}
              value={stored}
              onChange={(event) => setStored(Number(event.target.value))}
            />
            <p className="hint">{t('pipeline.preview.storedHint')}</p>
          </div>
        )}
        <div>
          <button type="submit">{t('pipeline.preview.run')}</button>
        </div>
      </form>
      {error instanceof UnusablePayload ? (
        <p role="alert" className="notice error">
          {error.message}
        </p>
      ) : (
        error !== undefined && <ErrorNotice error={error} />
      )}
      <div role="status">
        {result?.note && <p className="notice">{result.note}</p>}
        {result && (
          <p className="visually-hidden">
            {t('pipeline.preview.done', { count: result.events.length })}
          </p>
        )}
      </div>
      {result?.events.length === 0 && <p className="muted">{t('preview.noEvents')}</p>}
      {result?.events.map((event, index) => (
        <PreviewedEvent key={index} number={index + 1} event={event} />
      ))}
    </section>
  );
}
