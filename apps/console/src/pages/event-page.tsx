import { Link, useParams } from 'wouter';
import { api, must } from '../api/client';
import { useLoad } from '../api/use-load';
import { Badge } from '../components/badge';
import { JsonView } from '../components/json-view';
import { KeyValueTable } from '../components/key-value-table';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { TimeText } from '../components/time-text';
import { useI18n } from '../i18n/i18n';

export function EventPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const event = useLoad(
    () => must(api.GET('/api/v1/events/{id}', { params: { path: { id: Number(id) } } })),
    id,
  );
  return (
    <LoadState loaded={event}>
      {({ data }) => (
        <Page title={data.title}>
          <p>
            <Badge value={data.status} /> <Badge value={data.severity} />
            {data.sourceSeverity && (
              <span className="muted">
                {' '}
                ({t('events.sourceSeverity', { value: data.sourceSeverity })})
              </span>
            )}
          </p>
          {data.description && <p>{data.description}</p>}
          <dl className="facts">
            <div>
              <dt>{t('events.time')}</dt>
              <dd>
                <TimeText value={data.eventTime} />
              </dd>
            </div>
            <div>
              <dt>{t('events.received')}</dt>
              <dd>
                <TimeText value={data.receivedAt} />
              </dd>
            </div>
            <div>
              <dt>{t('alerts.alert')}</dt>
              <dd>
                {data.alertId === null ? (
                  t('common.unrouted')
                ) : (
                  <Link href={`/alerts/${data.alertId}`}>#{data.alertId}</Link>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('common.requestId')}</dt>
              <dd>
                <code>{data.requestId}</code>
              </dd>
            </div>
          </dl>
          <KeyValueTable caption={t('alerts.labels')} entries={data.labels} />
          <KeyValueTable caption={t('alerts.annotations')} entries={data.annotations} />
          <KeyValueTable caption={t('alerts.links')} entries={data.links} asLinks />
          <JsonView label={t('events.raw')} value={data.raw} />
        </Page>
      )}
    </LoadState>
  );
}
