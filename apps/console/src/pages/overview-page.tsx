import { useState } from 'react';
import { Link } from 'wouter';
import { useLoad } from '../api/use-load';
import { Badge } from '../components/badge';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { TimeText } from '../components/time-text';
import { useI18n } from '../i18n/i18n';
import { loadOverview, type Overview } from '../overview/load-overview';

const SEVERITIES = ['Critical', 'Warning', 'Info'] as const;

function IntegrationsActivity({ overview }: { overview: Overview }) {
  const { t, formatNumber } = useI18n();
  return (
    <section aria-labelledby="overview-integrations">
      <h2 id="overview-integrations">{t('nav.integrations')}</h2>
      {overview.activity.length === 0 ? (
        <p className="muted">{t('integrations.none')}</p>
      ) : (
        <table>
          <caption>{t('overview.integrationsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('integrations.source')}</th>
              <th scope="col">{t('integrations.latestEvent')}</th>
              <th scope="col">{t('overview.accepted')}</th>
              <th scope="col">{t('overview.refused')}</th>
              <th scope="col">{t('overview.failed')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.activity.map(({ integration, lastHour }) => (
              <tr key={integration.id}>
                <th scope="row">
                  <Link href={`/integrations/${integration.id}`}>{integration.name}</Link>
                  {!integration.enabled && (
                    <span className="muted"> ({t('integrations.disabled')})</span>
                  )}
                </th>
                <td>{overview.pluginNames.get(integration.pluginId) ?? integration.pluginId}</td>
                <td>
                  <TimeText value={integration.latestEventAt} />
                </td>
                <td>{formatNumber(lastHour.accepted)}</td>
                <td>
                  {lastHour.refused === 0 ? (
                    '0'
                  ) : (
                    <Link href={`/integrations/${integration.id}/pushes?outcome=refused`}>
                      {formatNumber(lastHour.refused)}
                    </Link>
                  )}
                </td>
                <td>{formatNumber(lastHour.failed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ActiveAlerts({ overview }: { overview: Overview }) {
  const { t, formatNumber, count } = useI18n();
  const channelName = (id: string) =>
    overview.channels.find((channel) => channel.id === id)?.name ?? id;
  return (
    <section aria-labelledby="overview-alerts">
      <h2 id="overview-alerts">{t('overview.activeAlerts')}</h2>
      <p>
        <Link href="/alerts?status=active">{count('activeAlert', overview.active.total)}</Link>
      </p>
      <div className="counts">
        <table>
          <caption>{t('overview.bySeverity')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('filters.severity')}</th>
              <th scope="col">{t('overview.count')}</th>
            </tr>
          </thead>
          <tbody>
            {SEVERITIES.map((severity) => (
              <tr key={severity}>
                <th scope="row">
                  <Badge value={severity} />
                </th>
                <td>
                  <Link href={`/alerts?status=active&severity=${severity}`}>
                    {formatNumber(overview.active.bySeverity[severity])}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('overview.byChannel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('filters.channel')}</th>
              <th scope="col">{t('overview.count')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.active.byChannel.length === 0 && (
              <tr>
                <td colSpan={2} className="muted">
                  {t('common.nothing')}
                </td>
              </tr>
            )}
            {overview.active.byChannel.map(({ channelId, count: alerts }) => (
              <tr key={channelId}>
                <th scope="row">{channelName(channelId)}</th>
                <td>
                  <Link href={`/alerts?status=active&channelId=${channelId}`}>
                    {formatNumber(alerts)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RecentlyRefused({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="overview-refused">
      <h2 id="overview-refused">{t('overview.refusedRecently')}</h2>
      {overview.refused.length === 0 ? (
        <p className="muted">{t('overview.noRefused')}</p>
      ) : (
        <table>
          <caption>{t('overview.refusedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pushes.received')}</th>
              <th scope="col">{t('filters.integration')}</th>
              <th scope="col">{t('pushes.status')}</th>
              <th scope="col">{t('pushes.result')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.refused.map(({ integration, push }) => (
              <tr key={push.requestId}>
                <td>
                  <TimeText value={push.receivedAt} />
                </td>
                <td>
                  <Link href={`/integrations/${integration.id}/pushes?outcome=refused`}>
                    {integration.name}
                  </Link>
                </td>
                <td>
                  <Badge value={push.outcome} /> {push.httpStatus}
                </td>
                <td>
                  <strong>{push.errorCode}</strong>
                  {push.errorMessage && <>: {push.errorMessage}</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function OverviewPage() {
  const { t } = useI18n();
  // The hour is the one before the page opened (or was refreshed), not a moving window.
  const [now, setNow] = useState(() => Date.now());
  const loaded = useLoad(() => loadOverview(now), String(now));
  return (
    <Page
      title={t('overview.title')}
      actions={
        <button type="button" onClick={() => setNow(Date.now())}>
          {t('overview.refresh')}
        </button>
      }
    >
      <p>{t('overview.intro')}</p>
      <LoadState loaded={loaded}>
        {(overview) => (
          <>
            <IntegrationsActivity overview={overview} />
            <ActiveAlerts overview={overview} />
            <RecentlyRefused overview={overview} />
          </>
        )}
      </LoadState>
    </Page>
  );
}
