import { Link, useSearchParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { useNames } from '../api/use-names';
import { Badge } from '../components/badge';
import { ListFilters, readListFilters, withLabelFilters } from '../components/list-filters';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { Pager, withCursors } from '../components/pager';
import { TimeText } from '../components/time-text';
import { useI18n } from '../i18n/i18n';

const STATUSES: Schemas['AlertStatus'][] = ['active', 'resolved'];
const PAGE_SIZE = 50;

export function AlertsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filters = readListFilters(search);
  const names = useNames(t('common.unrouted'));
  const alerts = useLoad(
    () =>
      must(
        api.GET('/api/v1/alerts', {
          params: {
            query: {
              status: STATUSES.find((status) => status === filters.status),
              severity: filters.severity,
              channelId: filters.channelId,
              integrationId: filters.integrationId,
              silenced: filters.silenced,
              cursor: filters.cursors.at(-1),
              limit: PAGE_SIZE,
            },
          },
          querySerializer: withLabelFilters(filters.labels),
        }),
      ),
    search.toString(),
  );

  return (
    <Page title={t('alerts.title')}>
      <LoadState loaded={names}>
        {(known) => (
          <>
            <ListFilters
              statuses={STATUSES}
              channels={known.channels}
              integrations={known.integrations}
              withSilenced
            />
            <LoadState loaded={alerts}>
              {(page) =>
                page.data.length === 0 ? (
                  <p>{t('alerts.none')}</p>
                ) : (
                  <>
                    <table>
                      <caption className="visually-hidden">{t('alerts.title')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('filters.severity')}</th>
                          <th scope="col">{t('filters.status')}</th>
                          <th scope="col">{t('alerts.alert')}</th>
                          <th scope="col">{t('filters.channel')}</th>
                          <th scope="col">{t('filters.integration')}</th>
                          <th scope="col">{t('alerts.started')}</th>
                          <th scope="col">{t('alerts.lastEvent')}</th>
                          <th scope="col">{t('alerts.events')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {page.data.map((alert) => (
                          <tr key={alert.id}>
                            <td>
                              <Badge value={alert.severity} />
                            </td>
                            <td>
                              <Badge value={alert.status} />
                              {alert.silencedBy !== null && (
                                <>
                                  {' '}
                                  <span className="badge badge-silenced">
                                    {t('silences.silenced')}
                                  </span>
                                </>
                              )}
                            </td>
                            <td>
                              <Link href={`/alerts/${alert.id}`}>{alert.title}</Link>
                            </td>
                            <td>{known.channelName(alert.channelId)}</td>
                            <td>{known.integrationName(alert.integrationId)}</td>
                            <td>
                              <TimeText value={alert.startsAt} />
                            </td>
                            <td>
                              <TimeText value={alert.lastEventAt} />
                            </td>
                            <td>{alert.eventCount}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </>
                )
              }
            </LoadState>
            {alerts.state === 'ready' && (
              <Pager
                cursors={filters.cursors}
                nextCursor={alerts.data.nextCursor}
                onChange={(cursors) => setSearch(withCursors(search, cursors))}
              />
            )}
          </>
        )}
      </LoadState>
    </Page>
  );
}
