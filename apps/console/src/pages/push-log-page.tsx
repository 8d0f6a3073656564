import { Link, useParams, useSearchParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { Badge } from '../components/badge';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { Pager, withCursors } from '../components/pager';
import { PushCounts } from '../components/push-counts';
import { TimeText } from '../components/time-text';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

const OUTCOMES: Schemas['PushOutcome'][] = ['accepted', 'refused', 'failed'];

/** Error codes whose likely cause and fix the console can say in a sentence. */
const EXPLAINED_CODES = new Set([
  'InvalidPayload',
  'InvalidContentType',
  'IntegrationDisabled',
  'PluginMismatch',
  'PayloadTooLarge',
  'SignatureInvalid',
  'NoRoute',
  'Unavailable',
]);

/** Why a push was not accepted: the server's own words, and what to do about it. */
function Refusal({ push }: { push: Schemas['PushLogView'] }) {
  const { t } = useI18n();
  if (push.errorCode === null) return null;
  return (
    <>
      <strong>{push.errorCode}</strong>
      {push.errorMessage && <>: {push.errorMessage}</>}
      {EXPLAINED_CODES.has(push.errorCode) && (
        <p className="hint">{t(`pushes.why.${push.errorCode}` as MessageKey)}</p>
      )}
    </>
  );
}

export function PushLogPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams();
  const outcome = OUTCOMES.find((value) => value === search.get('outcome'));
  const cursors = search.getAll('page');

  const loaded = useLoad(async () => {
    const [integration, pushes] = await Promise.all([
      must(api.GET('/api/v1/integrations/{id}', { params: { path: { id } } })),
      must(
        api.GET('/api/v1/integrations/{id}/pushes', {
          params: { path: { id }, query: { outcome, cursor: cursors.at(-1), limit: 50 } },
        }),
      ),
    ]);
    return { integration: integration.data, pushes };
  }, search.toString() + id);

  const setOutcome = (value: string) =>
    setSearch(value === '' ? {} : { outcome: value }, { replace: true });

  return (
    <LoadState loaded={loaded}>
      {({ integration, pushes }) => (
        <Page title={t('pushes.title', { name: integration.name })}>
          <p>
            <Link href={`/integrations/${integration.id}`}>← {integration.name}</Link>
          </p>
          <p>{t('pushes.intro')}</p>
          <p className="muted">{t('pushes.unknownKey')}</p>
          <div className="filters">
            <label htmlFor="outcome">{t('pushes.outcome')}</label>
            <select
              id="outcome"
              value={outcome ?? ''}
              onChange={(event) => setOutcome(event.target.value)}
            >
              <option value="">{t('common.all')}</option>
              {OUTCOMES.map((value) => (
                <option key={value} value={value}>
                  {t(`value.${value}`)}
                </option>
              ))}
            </select>
          </div>
          {pushes.data.length === 0 ? (
            <p>{t('pushes.none')}</p>
          ) : (
            <table className="push-log">
              <caption className="visually-hidden">
                {t('pushes.title', { name: integration.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('pushes.received')}</th>
                  <th scope="col">{t('pushes.outcome')}</th>
                  <th scope="col">{t('pushes.status')}</th>
                  <th scope="col">{t('pushes.result')}</th>
                  <th scope="col">{t('common.requestId')}</th>
                </tr>
              </thead>
              <tbody>
                {pushes.data.map((push) => (
                  <tr key={push.requestId}>
                    <td>
                      <TimeText value={push.receivedAt} />
                    </td>
                    <td>
                      <Badge value={push.outcome} />
                    </td>
                    <td>{push.httpStatus}</td>
                    <td>
                      {push.counts ? <PushCounts counts={push.counts} /> : <Refusal push={push} />}
                    </td>
                    <td>
                      <code>{push.requestId}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager
            cursors={cursors}
            nextCursor={pushes.nextCursor}
            onChange={(next) => setSearch(withCursors(search, next))}
          />
        </Page>
      )}
    </LoadState>
  );
}
