import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** What a push stored: its events, the new ones, the repeats and the unrouted ones. */
export function PushCounts({ counts }: { counts: Schemas['PushSummary'] }) {
  const { t, count, formatNumber } = useI18n();
  return (
    <>
      {t('integrations.pushCounts', {
        events: count('event', counts.events),
        stored: formatNumber(counts.stored),
        repeats: count('repeat', counts.deduplicated),
        unrouted: formatNumber(counts.unrouted),
      })}
    </>
  );
}
