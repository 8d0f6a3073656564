import { Link, useParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { JsonView } from '../components/json-view';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { SetupGuide } from '../components/setup-guide';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

export function SeverityMapTable({ map }: { map: Schemas['SeverityMapSchema'] }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        {t('plugins.severityFields')}{' '}
        {map.fields.map((field, index) => (
          <span key={field}>
            {index > 0 && ', '}
            <code>{field}</code>
          </span>
        ))}
        . {t('plugins.severityDefault', { severity: t(`value.${map.default}` as MessageKey) })}
      </p>
      <table>
        <caption>{t('plugins.severityMap')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plugins.sourceValue')}</th>
            <th scope="col">{t('plugins.severity')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(map.values).map(([source, severity]) => (
            <tr key={source}>
              <td>
                <code>{source}</code>
              </td>
              <td>{t(`value.${severity}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function PluginPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const plugin = useLoad(
    () => must(api.GET('/api/v1/plugins/{id}', { params: { path: { id } } })),
    id,
  );
  return (
    <LoadState loaded={plugin}>
      {({ data }) => (
        <Page
          title={data.name}
          actions={
            <Link className="button primary" href={`/integrations/new?plugin=${data.id}`}>
              {t('plugins.createIntegration')}
            </Link>
          }
        >
          <p>{data.description}</p>
          <section aria-labelledby="severity-heading">
            <h2 id="severity-heading">{t('plugins.severityMap')}</h2>
            <SeverityMapTable map={data.severityMap} />
          </section>
          {data.settings.length > 0 && (
            <section aria-labelledby="settings-heading">
              <h2 id="settings-heading">{t('plugins.settings')}</h2>
              <dl>
                {data.settings.map((setting) => (
                  <div key={setting.name}>
                    <dt>
                      <code>{setting.name}</code> ({setting.kind}
                      {setting.required ? `, ${t('common.required')}` : ''})
                    </dt>
                    <dd>{setting.description}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <section aria-labelledby="guide-heading">
            <h2 id="guide-heading">{t('plugins.setupGuide')}</h2>
            <SetupGuide source={data.docs.setup} />
          </section>
          <section aria-labelledby="samples-heading">
            <h2 id="samples-heading">{t('plugins.samples')}</h2>
            {Object.entries(data.docs.samples).map(([name, sample]) => (
              <JsonView key={name} label={name} value={sample} />
            ))}
          </section>
        </Page>
      )}
    </LoadState>
  );
}
