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

const STATUSES: Schemas['EventStatus'][] = ['firing', 'resolved'];
const PAGE_SIZE = 50;

export function EventsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filters = readListFilters(search);
  const names = useNames(t('common.unrouted'));
  const events = useLoad(
    () =>
      must(
        api.GET('/api/v1/events', {
          params: {
            query: {
              status: STATUSES.find((status) => status === filters.status),
              severity: filters.severity,
              channelId: filters.channelId,
              integrationId: filters.integrationId,
              unrouted: filters.unrouted ? true : undefined,
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
    <Page title={t('events.title')}>
      <LoadState loaded={names}>
        {(known) => (
          <>
            <ListFilters
              statuses={STATUSES}
              channels={known.channels}
              integrations={known.integrations}
              withUnrouted
            />
            <LoadState loaded={events}>
              {(page) =>
                page.data.length === 0 ? (
                  <p>{t('events.none')}</p>
                ) : (
                  <table>
                    <caption className="visually-hidden">{t('events.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('events.time')}</th>
                        <th scope="col">{t('filters.status')}</th>
                        <th scope="col">{t('filters.severity')}</th>
                        <th scope="col">{t('events.event')}</th>
                        <th scope="col">{t('filters.channel')}</th>
                        <th scope="col">{t('filters.integration')}</th>
                        <th scope="col">{t('alerts.alert')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.data.map((event) => (
                        <tr key={event.id}>
                          <td>
                            <TimeText value={event.eventTime} />
                          </td>
                          <td>
                            <Badge value={event.status} />
                          </td>
                          <td>
                            <Badge value={event.severity} />
                          </td>
                          <td>
                            <Link href={`/events/${event.id}`}>{event.title}</Link>
                          </td>
                          <td>{known.channelName(event.channelId)}</td>
                          <td>{known.integrationName(event.integrationId)}</td>
                          <td>
                            {event.alertId === null ? (
                              '—'
                            ) : (
                              <Link href={`/alerts/${event.alertId}`}>#{event.alertId}</Link>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )
              }
            </LoadState>
            {events.state === 'ready' && (
              <Pager
                cursors={filters.cursors}
                nextCursor={events.data.nextCursor}
                onChange={(cursors) => setSearch(withCursors(search, cursors))}
              />
            )}
          </>
        )}
      </LoadState>
    </Page>
  );
}
