import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { useNames } from '../api/use-names';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/error-notice';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { ScheduleText, ScopeText } from '../components/silences/silence-texts';
import { TimeText } from '../components/time-text';
import { useI18n } from '../i18n/i18n';

type Silence = Schemas['SilenceView'];
const STATES = ['active', 'ended'] as const;

function Flags({ silence }: { silence: Silence }) {
  const { t } = useI18n();
  return (
    <>
      <span className="badge">{t(`silences.mode.short.${silence.mode}`)}</span>
      {silence.unused && <span className="badge badge-warning">{t('silences.unused')}</span>}
      {silence.expiresSoon && (
        <span className="badge badge-warning">{t('silences.expiresSoon')}</span>
      )}
    </>
  );
}

/** The silences, active or ended, flagged unused or expiring soon; end one or open it. */
export function SilencesPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const state = STATES.find((each) => each === search.get('state')) ?? 'active';
  const names = useNames(t('common.unrouted'));
  const silences = useLoad(
    () => must(api.GET('/api/v1/silences', { params: { query: { state } } })),
    state,
  );
  const [ending, setEnding] = useState<Silence>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const end = async (silence: Silence) => {
    setEnding(undefined);
    try {
      await must(api.DELETE('/api/v1/silences/{id}', { params: { path: { id: silence.id } } }));
      setMessage(t('silences.ended', { reason: silence.reason }));
      silences.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Page
      title={t('silences.title')}
      actions={
        <Link className="button primary" href="/silences/new">
          {t('silences.new')}
        </Link>
      }
    >
      <p>{t('silences.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="silence-state">{t('silences.state')}</label>
          <select
            id="silence-state"
            value={state}
            onChange={(event) => setSearch({ state: event.target.value })}
          >
            {STATES.map((each) => (
              <option key={each} value={each}>
                {t(`silences.state.${each}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div role="status" className="status-line">
        {message && <p className="notice">{message}</p>}
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
      <LoadState loaded={silences}>
        {({ data }) =>
          data.length === 0 ? (
            <p>{t(`silences.none.${state}`)}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t('silences.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('silences.reason')}</th>
                  <th scope="col">{t('silences.scope')}</th>
                  <th scope="col">{t('silences.schedule')}</th>
                  <th scope="col">{t('silences.flags')}</th>
                  <th scope="col">{t('silences.endsAt')}</th>
                  <th scope="col">{t('silences.lastMatched')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((silence) => (
                  <tr key={silence.id}>
                    <td>
                      <Link href={`/silences/${silence.id}`}>{silence.reason}</Link>
                      <br />
                      <span className="muted">{silence.createdBy}</span>
                    </td>
                    <td>
                      <ScopeText
                        scope={silence.scope}
                        names={names.state === 'ready' ? names.data : undefined}
                      />
                    </td>
                    <td>
                      <ScheduleText schedule={silence.schedule} />
                    </td>
                    <td>
                      <Flags silence={silence} />
                    </td>
                    <td>
                      <TimeText value={silence.endsAt} />
                    </td>
                    <td>
                      <TimeText value={silence.lastMatchedAt} />
                    </td>
                    <td>
                      {silence.active && (
                        <button
                          type="button"
                          className="danger"
                          aria-label={t('silences.endNamed', { reason: silence.reason })}
                          onClick={() => setEnding(silence)}
                        >
                          {t('silences.endConfirm')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
      <ConfirmDialog
        open={ending !== undefined}
        title={t('silences.endTitle', { reason: ending?.reason ?? '' })}
        confirmLabel={t('silences.endConfirm')}
        onConfirm={() => ending && void end(ending)}
        onCancel={() => setEnding(undefined)}
      >
        <p>{t('silences.endWarning')}</p>
      </ConfirmDialog>
    </Page>
  );
}
