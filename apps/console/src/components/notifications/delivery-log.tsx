import { useId, useState } from 'react';
import { api, must, type Schemas } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { ErrorNotice } from '../error-notice';
import { LoadState } from '../load-state';
import { Pager } from '../pager';
import { TimeText } from '../time-text';

const OUTCOMES: Schemas['DeliveryOutcome'][] = ['delivered', 'failed', 'rate_limited'];
const PAGE_SIZE = 50;

/**
 * A subscription's delivery attempts, newest first, filtered by outcome and time, paged by the
 * server; a failed attempt's notifications can be queued again (replay).
 */
export function DeliveryLog({
  channelId,
  subscriptionId,
  generation,
}: {
  channelId: string;
  subscriptionId: string;
  /** Changes when something was sent from the page, so the log shows it. */
  generation: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState<Schemas['DeliveryOutcome']>();
  const [since, setSince] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [replayed, setReplayed] = useState<string>();
  const [error, setError] = useState<unknown>();
  const path = { channelId, id: subscriptionId };
  const deliveries = useLoad(
    () =>
      must(
        api.GET('/api/v1/channels/{channelId}/subscriptions/{id}/deliveries', {
          params: {
            path,
            query: {
              outcome,
              since: since === '' ? undefined : new Date(since).toISOString(),
              cursor: cursors.at(-1),
              limit: PAGE_SIZE,
            },
          },
        }),
      ),
    JSON.stringify([outcome, since, cursors, generation]),
  );
  const replay = async (delivery: Schemas['DeliveryView']) => {
    setError(undefined);
    try {
      const answer = await must(
        api.POST('/api/v1/channels/{channelId}/subscriptions/{id}/deliveries/{deliveryId}/replay', {
          params: { path: { ...path, deliveryId: delivery.id } },
        }),
      );
      setReplayed(t('deliveries.replayed', { count: answer.data.requeued }));
      deliveries.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('deliveries.title')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('deliveries.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={outcome ?? ''}
            onChange={(event) => {
              setOutcome(OUTCOMES.find((each) => each === event.target.value));
              setCursors([]);
            }}
          >
            <option value="">{t('common.all')}</option>
            {OUTCOMES.map((each) => (
              <option key={each} value={each}>
                {t(`deliveries.outcome.${each}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-since`}>{t('deliveries.since')}</label>
          <input
            id={`${id}-since`}
            type="datetime-local"
            value={since}
            onChange={(event) => {
              setSince(event.target.value);
              setCursors([]);
            }}
          />
        </div>
      </div>
      <div role="status" className="status-line">
        {replayed && <p className="notice">{replayed}</p>}
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
      <LoadState loaded={deliveries}>
        {(page) =>
          page.data.length === 0 ? (
            <p className="muted">{t('deliveries.none')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t('deliveries.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('deliveries.time')}</th>
                  <th scope="col">{t('deliveries.type')}</th>
                  <th scope="col">{t('deliveries.outcome')}</th>
                  <th scope="col">{t('deliveries.status')}</th>
                  <th scope="col">{t('deliveries.latency')}</th>
                  <th scope="col">{t('deliveries.notifications')}</th>
                  <th scope="col">{t('deliveries.error')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {page.data.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>
                      <TimeText value={delivery.attemptedAt} />
                    </td>
                    <td>{t(`deliveries.type.${delivery.type}` as MessageKey)}</td>
                    <td>
                      <span
                        className={`badge badge-${delivery.outcome === 'delivered' ? 'ok' : 'failed'}`}
                      >
                        {t(`deliveries.outcome.${delivery.outcome}` as MessageKey)}
                      </span>
                    </td>
                    <td>{delivery.httpStatus ?? '—'}</td>
                    <td>{delivery.latencyMs} ms</td>
                    <td>{delivery.notificationIds.length}</td>
                    <td>{delivery.error}</td>
                    <td>
                      {delivery.outcome !== 'delivered' && delivery.notificationIds.length > 0 && (
                        <button type="button" onClick={() => void replay(delivery)}>
                          {t('deliveries.replay')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
      {deliveries.state === 'ready' && (
        <Pager cursors={cursors} nextCursor={deliveries.data.nextCursor} onChange={setCursors} />
      )}
    </section>
  );
}
