import { Link, useParams } from 'wouter';
import { api, must } from '../api/client';
import { useLoad } from '../api/use-load';
import { useNames } from '../api/use-names';
import { Badge } from '../components/badge';
import { KeyValueTable } from '../components/key-value-table';
import { LoadState } from '../components/load-state';
import { SilenceAlertForm } from '../components/silences/silence-alert-form';
import { Page } from '../components/page';
import { TimeText } from '../components/time-text';
import { useI18n } from '../i18n/i18n';

export function AlertPage() {
  const { t, count } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const names = useNames(t('common.unrouted'));
  const alert = useLoad(
    () => must(api.GET('/api/v1/alerts/{id}', { params: { path: { id: Number(id) } } })),
    id,
  );
  return (
    <LoadState loaded={alert}>
      {({ data }) => {
        const latest = data.events[0];
        return (
          <Page title={data.title}>
            <p>
              <Badge value={data.severity} /> <Badge value={data.status} />{' '}
              {data.silencedBy !== null && (
                <Link className="badge badge-silenced" href={`/silences/${data.silencedBy}`}>
                  {t('silences.silenced')}
                </Link>
              )}
            </p>
            {data.description && <p>{data.description}</p>}
            <p className="muted">{t('alerts.howResolved')}</p>
            <dl className="facts">
              <div>
                <dt>{t('filters.channel')}</dt>
                <dd>{names.state === 'ready' ? names.data.channelName(data.channelId) : '…'}</dd>
              </div>
              <div>
                <dt>{t('filters.integration')}</dt>
                <dd>
                  <Link href={`/integrations/${data.integrationId}`}>
                    {names.state === 'ready'
                      ? names.data.integrationName(data.integrationId)
                      : data.integrationId}
                  </Link>
                </dd>
              </div>
              <div>
                <dt>{t('alerts.key')}</dt>
                <dd>
                  <code>{data.alertKey}</code>
                </dd>
              </div>
              <div>
                <dt>{t('alerts.started')}</dt>
                <dd>
                  <TimeText value={data.startsAt} />
                </dd>
              </div>
              <div>
                <dt>{t('alerts.resolved')}</dt>
                <dd>
                  <TimeText value={data.resolvedAt} />
                </dd>
              </div>
              <div>
                <dt>{t('alerts.lastSeen')}</dt>
                <dd>
                  <TimeText value={data.lastSeenAt} />
                </dd>
              </div>
              <div>
                <dt>{t('alerts.counts')}</dt>
                <dd>
                  {t('alerts.countsValue', {
                    events: count('event', data.eventCount),
                    repeats: count('repeat', data.repeatCount),
                  })}
                </dd>
              </div>
            </dl>
            <KeyValueTable caption={t('alerts.labels')} entries={data.labels} />
            {latest && (
              <>
                <KeyValueTable caption={t('alerts.annotations')} entries={latest.annotations} />
                <KeyValueTable caption={t('alerts.links')} entries={latest.links} asLinks />
              </>
            )}
            {data.status === 'active' && (
              <SilenceAlertForm alertId={data.id} onDone={alert.reload} />
            )}
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{t('alerts.timeline')}</h2>
              <ol className="timeline">
                {data.events.map((event) => (
                  <li key={event.id}>
                    <TimeText value={event.eventTime} /> <Badge value={event.status} />{' '}
                    <Badge value={event.severity} />{' '}
                    <Link href={`/events/${event.id}`}>{event.title}</Link>
                  </li>
                ))}
              </ol>
              <p>
                <Link
                  href={`/events?channelId=${data.channelId}&integrationId=${data.integrationId}`}
                >
                  {t('alerts.allEvents')}
                </Link>
              </p>
            </section>
          </Page>
        );
      }}
    </LoadState>
  );
}
