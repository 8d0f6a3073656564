import type { AlertRecord } from '../storage/index.js';
import type { Alert } from './alert.entity.js';
import type { NormalizedEvent } from './normalized-event.js';

/**
 * When an alert whose latest firing event is `event` resolves by itself: `autoResolveAfterSeconds`
 * after Alert Hub received the event, if the event never resolves; else never (null). The time
 * received, not the event's own: a source's clock or a replayed event must not decide it.
 */
export function autoResolveTime(
  event: NormalizedEvent,
  receivedAt: Date,
  autoResolveAfterSeconds: number,
): Date | null {
  return event.neverResolves
    ? new Date(receivedAt.getTime() + autoResolveAfterSeconds * 1000)
    : null;
}

/** Closed by its auto-resolve time rather than by a resolution (which clears that time). */
export function wasAutoResolved(alert: Alert): boolean {
  return alert.status === 'resolved' && alert.autoResolveAt !== null;
}

/**
 * Puts an alert that has an auto-resolve time in the state that time gives it when an event was
 * received: resolved at that time once it has passed, as the periodic sweep (`AlertAutoResolve`)
 * leaves it, whether the sweep ran or not; still active before it, even if a sweep resolved it
 * after the event was received and before it was stored. So the sweep never decides what an
 * event does. Returns whether this changed the alert's status.
 */
export function settleAutoResolve(alert: AlertRecord, receivedAt: Date): boolean {
  const due = alert.autoResolveAt;
  if (due === null) return false;
  const passed = due.getTime() <= receivedAt.getTime();
  if (alert.status === 'active' && passed) {
    alert.status = 'resolved';
    alert.resolvedAt = due;
    alert.updatedAt = due;
    return true;
  }
  if (alert.status === 'resolved' && !passed) {
    alert.status = 'active';
    alert.resolvedAt = null;
    return true;
  }
  return false;
}
