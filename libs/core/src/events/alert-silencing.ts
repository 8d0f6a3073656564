import type { Alert } from './alert.entity.js';
import type { NormalizedEvent } from './normalized-event.js';

/**
 * What a firing event says of its active alert's silence: matched by a silence (`silencedBy`),
 * the alert is silenced by it, whether it was new, visible or silenced by another; matched by
 * none, an alert that was silenced becomes visible, and `unsilencedAt` records when, once per
 * such change. A resolution changes neither: it always passes, and an alert that was only ever
 * seen silenced resolves unseen. A repeat counts as its event.
 */
export function markSilence(
  alert: Alert,
  event: NormalizedEvent,
  silencedBy: string | null,
  receivedAt: Date,
): void {
  if (event.status !== 'firing' || alert.status !== 'active') return;
  if (silencedBy !== null) {
    alert.silencedBy = silencedBy;
  } else if (alert.silencedBy !== null) {
    alert.silencedBy = null;
    alert.unsilencedAt = receivedAt;
  }
}
