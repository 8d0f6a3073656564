import { useId, useState } from 'react';
import { api, must, type Schemas } from '../api/client';
import { usePreview } from '../api/use-preview';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import type { RouteSet } from '../routing/route-set';
import { ErrorNotice } from './error-notice';
import { EventCells } from './event-cells';
import {
  PayloadChoice,
  UnusablePayload,
  firstSource,
  jsonObjectOf,
  type Payload,
  type PayloadSource,
} from './payload-choice';

/**
 * Tries the routes being edited against a plugin sample, a pasted payload or recent stored
 * events of the integration (nothing is stored) and shows, per event, the rules it matched and
 * the channels it would reach.
 */
export function RoutePreview({
  integrationId,
  routes,
  samples,
  recentEvents,
  channelName,
}: {
  integrationId: string;
  routes: RouteSet;
  samples: Record<string, unknown>;
  recentEvents: Schemas['AlertEvent'][];
  channelName: (id: string) => string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [source, setSource] = useState<PayloadSource>(() => firstSource(samples));

  const request = (): Schemas['PreviewRoutesDto'] => {
    if (source.kind === 'event') return { eventIds: [source.id], routes };
    const payload =
      source.kind === 'pasted'
        ? jsonObjectOf(source.text, t('preview.notJson'), t('preview.notObject'))
        : (samples[source.name] as Payload);
    return { payload, routes };
  };

  const {
    result,
    error,
    run: preview,
  } = usePreview(async () => {
    const answer = await must(
      api.POST('/api/v1/integrations/{id}/routes/preview', {
        params: { path: { id: integrationId } },
        body: request(),
      }),
    );
    return answer.data;
  });

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('preview.title')}</h2>
      <p>{t('preview.intro')}</p>
      <form className="stacked" onSubmit={(event) => void preview(event)}>
        <PayloadChoice
          samples={samples}
          recentEvents={recentEvents}
          source={source}
          onChange={setSource}
        />
        <div>
          <button type="submit" className="primary">
            {t('preview.run')}
          </button>
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
        {result?.refused && (
          <p className="notice error">
            <strong>{result.refused.code}</strong>: {result.refused.message}
          </p>
        )}
        {result?.note && <p className="notice">{result.note}</p>}
        {result && <p className="visually-hidden">{t('preview.done')}</p>}
      </div>
      {result && (
        <table>
          <caption>{t('preview.result')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.event')}</th>
              <th scope="col">{t('filters.severity')}</th>
              <th scope="col">{t('filters.status')}</th>
              <th scope="col">{t('preview.matched')}</th>
              <th scope="col">{t('preview.goesTo')}</th>
            </tr>
          </thead>
          <tbody>
            {result.events.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('preview.noEvents')}
                </td>
              </tr>
            )}
            {result.events.map((event, index) => (
              <tr key={index}>
                <EventCells event={event} />
                <td>
                  {event.matchedRules.length === 0
                    ? t(`preview.outcome.${event.outcome}` as MessageKey)
                    : event.matchedRules
                        .map((rule) => t('preview.ruleRef', { number: rule.index + 1, ...rule }))
                        .join(', ')}
                </td>
                <td>
                  {event.channelIds.length === 0
                    ? t('common.unrouted')
                    : event.channelIds.map(channelName).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
