import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { ConfirmDialog } from '../components/confirm-dialog';
import { CopyButton } from '../components/copy-button';
import { ErrorNotice } from '../components/error-notice';
import { HeartbeatSection } from '../components/heartbeat-section';
import { LoadState } from '../components/load-state';
import { MappingSection } from '../components/mapping-section';
import { Page } from '../components/page';
import { PushCounts } from '../components/push-counts';
import { SettingsSection } from '../components/settings-section';
import { SetupGuide } from '../components/setup-guide';
import { TimeText } from '../components/time-text';
import { useI18n } from '../i18n/i18n';

type Integration = Schemas['IntegrationView'];

/** The pipeline editor is loaded with the first integration page, not with the console. */
const PipelineSection = lazy(() =>
  import('../components/pipeline/pipeline-section').then((module) => ({
    default: module.PipelineSection,
  })),
);

/** The outcome of the last action on the page, said where a screen reader hears it. */
type ActionResult = { kind: 'done'; message: string } | { kind: 'failed'; error: unknown };

function RenameForm({ integration, onDone }: { integration: Integration; onDone: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(integration.name);
  const [error, setError] = useState<unknown>();
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await must(
        api.PATCH('/api/v1/integrations/{id}', {
          params: { path: { id: integration.id } },
          body: { name },
        }),
      );
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="inline" onSubmit={(event) => void rename(event)}>
      <label htmlFor="new-name">{t('integrations.newName')}</label>
      <input
        id="new-name"
        required
        maxLength={100}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit">{t('integrations.rename')}</button>
      {error !== undefined && <ErrorNotice error={error} />}
    </form>
  );
}

/** What the page shows of an integration's source: its plugin, its guide, its mapping if any. */
async function loadSource(integration: Integration) {
  const path = { params: { path: { id: integration.id } } };
  if (!integration.pluginAvailable)
    return { plugin: undefined, docs: undefined, mapping: undefined };
  const [plugin, docs] = await Promise.all([
    must(api.GET('/api/v1/plugins/{id}', { params: { path: { id: integration.pluginId } } })),
    must(api.GET('/api/v1/integrations/{id}/docs', path)),
  ]);
  const mapped = plugin.data.settings.some((setting) => setting.kind === 'mapping');
  const mapping = mapped
    ? (await must(api.GET('/api/v1/integrations/{id}/mapping', path))).data
    : undefined;
  return { plugin: plugin.data, docs: docs.data, mapping };
}

export function IntegrationPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const { id = '' } = useParams<{ id: string }>();
  const [confirmingRotate, setConfirmingRotate] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [result, setResult] = useState<ActionResult>();
  const [testResult, setTestResult] = useState<Schemas['PushResponse']>();

  const loaded = useLoad(async () => {
    const path = { params: { path: { id } } };
    const [integration, channels] = await Promise.all([
      must(api.GET('/api/v1/integrations/{id}', path)),
      must(api.GET('/api/v1/channels')),
    ]);
    return {
      integration: integration.data,
      channels: channels.data,
      ...(await loadSource(integration.data)),
    };
  }, id);

  const done = (message: string) => {
    setResult({ kind: 'done', message });
    loaded.reload();
  };
  const act = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action();
      done(message);
    } catch (error) {
      setResult({ kind: 'failed', error });
    }
  };
  const path = { params: { path: { id } } };
  const setEnabled = (enabled: boolean) =>
    act(
      () => must(api.PATCH('/api/v1/integrations/{id}', { ...path, body: { enabled } })),
      enabled ? t('integrations.nowEnabled') : t('integrations.nowDisabled'),
    );
  const rotate = () => {
    setConfirmingRotate(false);
    void act(
      () => must(api.POST('/api/v1/integrations/{id}/rotate-key', path)),
      t('integrations.rotated'),
    );
  };
  const remove = async () => {
    setConfirmingDelete(false);
    try {
      await must(api.DELETE('/api/v1/integrations/{id}', path));
      navigate('/integrations');
    } catch (error) {
      setResult({ kind: 'failed', error });
    }
  };
  const sendTest = async () => {
    setTestResult(undefined);
    try {
      setTestResult(await must(api.POST('/api/v1/integrations/{id}/test', path)));
      setResult(undefined);
    } catch (error) {
      setResult({ kind: 'failed', error });
    }
  };

  return (
    <LoadState loaded={loaded}>
      {({ integration, channels, plugin, docs, mapping }) => (
        <Page
          title={integration.name}
          actions={
            <>
              <button type="button" onClick={() => void sendTest()}>
                {t('integrations.sendTest')}
              </button>
              <button type="button" onClick={() => void setEnabled(!integration.enabled)}>
                {integration.enabled ? t('integrations.disable') : t('integrations.enable')}
              </button>
              <button type="button" className="danger" onClick={() => setConfirmingRotate(true)}>
                {t('integrations.rotate')}
              </button>
              <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
                {t('integrations.delete')}
              </button>
            </>
          }
        >
          <div role="status" className="status-line">
            {result?.kind === 'done' && <p className="notice">{result.message}</p>}
            {testResult && (
              <p className="notice">
                {t('integrations.testDone')} <PushCounts counts={testResult.data} />{' '}
                <span className="muted">
                  {t('common.requestId')}: <code>{testResult.request_id}</code>
                </span>
              </p>
            )}
          </div>
          {result?.kind === 'failed' && <ErrorNotice error={result.error} />}
          <section aria-labelledby="push-url-heading">
            <h2 id="push-url-heading">{t('integrations.pushUrl')}</h2>
            <p>{t('integrations.pushUrlHelp')}</p>
            <div className="inline">
              <input
                aria-labelledby="push-url-heading"
                readOnly
                className="push-url"
                value={integration.pushUrl}
                onFocus={(event) => event.target.select()}
              />
              <CopyButton text={integration.pushUrl} label={t('integrations.copyPushUrl')} />
            </div>
            <p className="muted">{t('integrations.testHint')}</p>
          </section>
          {integration.type === 'shared' && (
            <p className="notice">
              {t('integrations.sharedRoutes')}{' '}
              <Link href={`/integrations/${integration.id}/routes`}>
                {t('integrations.editRoutes')}
              </Link>
            </p>
          )}
          {docs && (
            // Open until the first event arrives: then the guide has done its work, and the
            // page's other sections need not sit below it.
            <details className="guide" open={integration.latestEventAt === null}>
              <summary>
                <h2>{t('plugins.setupGuide')}</h2>
              </summary>
              <SetupGuide source={docs.setup} />
            </details>
          )}
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">{t('integrations.overview')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('integrations.source')}</dt>
                <dd>
                  <Link href={`/plugins/${integration.pluginId}`}>
                    {plugin?.name ?? integration.pluginId}
                  </Link>
                </dd>
              </div>
              <div>
                <dt>{t('integrations.type')}</dt>
                <dd>{t(`integrations.type.${integration.type}`)}</dd>
              </div>
              <div>
                <dt>{t('integrations.channel')}</dt>
                <dd>
                  {integration.channelId === null
                    ? t('integrations.byRules')
                    : (channels.find((channel) => channel.id === integration.channelId)?.name ??
                      integration.channelId)}
                </dd>
              </div>
              <div>
                <dt>{t('integrations.state')}</dt>
                <dd>
                  {integration.enabled ? t('integrations.enabled') : t('integrations.disabled')}
                </dd>
              </div>
              <div>
                <dt>{t('integrations.latestEvent')}</dt>
                <dd>
                  <TimeText value={integration.latestEventAt} />
                </dd>
              </div>
            </dl>
            <p>
              <Link href={`/integrations/${integration.id}/pushes`}>
                {t('integrations.pushLog')}
              </Link>
              {' · '}
              <Link href={`/events?integrationId=${integration.id}`}>{t('nav.events')}</Link>
              {' · '}
              <Link href={`/alerts?integrationId=${integration.id}`}>{t('nav.alerts')}</Link>
            </p>
          </section>
          {mapping && docs && (
            <MappingSection
              key={mapping.version}
              integrationId={integration.id}
              saved={mapping}
              samples={docs.samples}
            />
          )}
          {plugin && (
            <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
              <PipelineSection integrationId={integration.id} samples={docs?.samples ?? {}} />
            </Suspense>
          )}
          <SettingsSection
            key={integration.settingsVersion + JSON.stringify(integration.settings)}
            integration={integration}
            plugin={plugin}
            onSaved={done}
            onReload={loaded.reload}
          />
          <HeartbeatSection
            key={JSON.stringify(integration.heartbeat)}
            integration={integration}
            onSaved={done}
          />
          <section aria-labelledby="rename-heading">
            <h2 id="rename-heading">{t('integrations.rename')}</h2>
            <RenameForm
              key={integration.name}
              integration={integration}
              onDone={() => done(t('integrations.renamed'))}
            />
          </section>
          <ConfirmDialog
            open={confirmingDelete}
            title={t('integrations.deleteTitle', { name: integration.name })}
            confirmLabel={t('integrations.deleteConfirm')}
            onConfirm={() => void remove()}
            onCancel={() => setConfirmingDelete(false)}
          >
            <p>{t('integrations.deleteWarning')}</p>
            <p>{t('integrations.deleteKept')}</p>
          </ConfirmDialog>
          <ConfirmDialog
            open={confirmingRotate}
            title={t('integrations.rotateTitle')}
            confirmLabel={t('integrations.rotateConfirm')}
            onConfirm={rotate}
            onCancel={() => setConfirmingRotate(false)}
          >
            <p>{t('integrations.rotateWarning')}</p>
          </ConfirmDialog>
        </Page>
      )}
    </LoadState>
  );
}
