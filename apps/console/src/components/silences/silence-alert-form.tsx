import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, must, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../error-notice';

const DEFAULT_MINUTES = 120;

/**
 * "Silence this alert": a silence of its integration matching its labels, from now for a while
 * (README: `POST /alerts/:id/silence`); an active alert is silenced at once.
 */
export function SilenceAlertForm({ alertId, onDone }: { alertId: number; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [mode, setMode] = useState<Schemas['SilenceMode']>('mark');
  const [created, setCreated] = useState<Schemas['SilenceView']>();
  const [error, setError] = useState<unknown>();
  const silence = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const answer = await must(
        api.POST('/api/v1/alerts/{id}/silence', {
          params: { path: { id: alertId } },
          body: { reason, durationMinutes: minutes, mode },
        }),
      );
      setCreated(answer.data);
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('silences.alert.title')}</h2>
      <p>{t('silences.alert.intro')}</p>
      <form className="inline" onSubmit={(event) => void silence(event)}>
        <label htmlFor={`${id}-reason`}>{t('silences.reason')}</label>
        <input
          id={`${id}-reason`}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <label htmlFor={`${id}-minutes`}>{t('silences.alert.minutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={1}
          required
          value={minutes}
          onChange={(event) => setMinutes(Number(event.target.value))}
        />
        <label htmlFor={`${id}-mode`}>{t('silences.mode')}</label>
        <select
          id={`${id}-mode`}
          value={mode}
          onChange={(event) => setMode(event.target.value as Schemas['SilenceMode'])}
        >
          <option value="mark">{t('silences.mode.short.mark')}</option>
          <option value="drop">{t('silences.mode.short.drop')}</option>
        </select>
        <button type="submit">{t('silences.alert.submit')}</button>
      </form>
      <div role="status" className="status-line">
        {created && (
          <p className="notice">
            {t('silences.alert.done')}{' '}
            <Link href={`/silences/${created.id}`}>{t('silences.alert.open')}</Link>
          </p>
        )}
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
    </section>
  );
}
