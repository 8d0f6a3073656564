import { Link } from 'wouter';
import { api, must } from '../api/client';
import { useLoad } from '../api/use-load';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { TimeText } from '../components/time-text';
import { useI18n } from '../i18n/i18n';

export function IntegrationsPage() {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const [integrations, channels, plugins] = await Promise.all([
      must(api.GET('/api/v1/integrations')),
      must(api.GET('/api/v1/channels')),
      must(api.GET('/api/v1/plugins')),
    ]);
    return {
      integrations: integrations.data,
      channelNames: new Map(channels.data.map((channel) => [channel.id, channel.name])),
      pluginNames: new Map(plugins.data.map((plugin) => [plugin.id, plugin.name])),
    };
  }, 'integrations');
  return (
    <Page
      title={t('integrations.title')}
      actions={
        <Link className="button primary" href="/integrations/new">
          {t('integrations.new')}
        </Link>
      }
    >
      <LoadState loaded={loaded}>
        {({ integrations, channelNames, pluginNames }) =>
          integrations.length === 0 ? (
            <p>{t('integrations.none')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t('integrations.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('integrations.source')}</th>
                  <th scope="col">{t('integrations.type')}</th>
                  <th scope="col">{t('integrations.channel')}</th>
                  <th scope="col">{t('integrations.state')}</th>
                  <th scope="col">{t('integrations.latestEvent')}</th>
                </tr>
              </thead>
              <tbody>
                {integrations.map((integration) => (
                  <tr key={integration.id}>
                    <td>
                      <Link href={`/integrations/${integration.id}`}>{integration.name}</Link>
                    </td>
                    <td>{pluginNames.get(integration.pluginId) ?? integration.pluginId}</td>
                    <td>{t(`integrations.type.${integration.type}`)}</td>
                    <td>
                      {integration.channelId === null
                        ? t('integrations.byRules')
                        : (channelNames.get(integration.channelId) ?? integration.channelId)}
                    </td>
                    <td>
                      {integration.enabled ? t('integrations.enabled') : t('integrations.disabled')}
                    </td>
                    <td>
                      <TimeText value={integration.latestEventAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </Page>
  );
}
