import { useState } from 'react';
import { Link } from 'wouter';
import { api, must, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Badge } from '../badge';
import { ErrorNotice } from '../error-notice';

/** What the silence being edited would have silenced over the last 7 days. */
export function SilencePreview({ rule }: { rule: () => Schemas['SilenceRuleDto'] }) {
  const { t, formatNumber, formatTime } = useI18n();
  const [result, setResult] = useState<Schemas['SilencePreviewView']>();
  const [error, setError] = useState<unknown>();
  const run = async () => {
    setError(undefined);
    setResult(undefined);
    try {
      setResult((await must(api.POST('/api/v1/silences/preview', { body: rule() }))).data);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="silence-preview-heading">
      <h2 id="silence-preview-heading">{t('silences.preview')}</h2>
      <p>{t('silences.previewIntro')}</p>
      <button type="button" onClick={() => void run()}>
        {t('silences.previewRun')}
      </button>
      {error !== undefined && <ErrorNotice error={error} />}
      <div role="status">
        {result && (
          <p className="notice">
            {t('silences.previewResult', {
              events: formatNumber(result.matchedEvents),
              alerts: formatNumber(result.matchedAlerts),
              scanned: formatNumber(result.scannedEvents),
              since: formatTime(result.since),
            })}
            {!result.complete && ` ${t('silences.previewIncomplete')}`}
          </p>
        )}
      </div>
      {result && result.sampleAlerts.length > 0 && (
        <ul className="plain">
          {result.sampleAlerts.map((alert) => (
            <li key={alert.id}>
              <Badge value={alert.severity} /> <Badge value={alert.status} />{' '}
              <Link href={`/alerts/${alert.id}`}>{alert.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
