import { Link } from 'wouter';
import { api, must } from '../api/client';
import { useLoad } from '../api/use-load';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';

export function PluginsPage() {
  const { t } = useI18n();
  const plugins = useLoad(() => must(api.GET('/api/v1/plugins')), 'plugins');
  return (
    <Page title={t('plugins.title')}>
      <p>{t('plugins.intro')}</p>
      <LoadState loaded={plugins}>
        {({ data }) => (
          <table>
            <caption className="visually-hidden">{t('plugins.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('plugins.id')}</th>
                <th scope="col">{t('common.description')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((plugin) => (
                <tr key={plugin.id}>
                  <td>
                    <Link href={`/plugins/${plugin.id}`}>{plugin.name}</Link>
                  </td>
                  <td>
                    <code>{plugin.id}</code>
                  </td>
                  <td>{plugin.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </Page>
  );
}
