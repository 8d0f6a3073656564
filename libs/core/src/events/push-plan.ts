import { foldEvent } from './alert-folding.js';
import type { Alert } from './alert.entity.js';
import type { NormalizedEvent, PushSummary, PushToStore } from './normalized-event.js';

/** One event row to insert: the event, the channel it went to and the alert it folded into. */
export interface EventRow {
  event: NormalizedEvent;
  channelId: string | null;
  alert: Alert | null;
}

/** What storing a push must write, decided in memory from the alerts it touches. */
export interface PushPlan {
  summary: PushSummary;
  /** New alerts: inserted first, so that their events can point at them. */
  opened: Alert[];
  /** Existing alerts an event was folded into: every mutable column is written. */
  changed: Alert[];
  /** Existing alerts that only saw repeats: their counters and last-seen time are written. */
  repeated: Alert[];
  rows: EventRow[];
}

export function pairKey(channelId: string, alertKey: string): string {
  return `${channelId}\u0000${alertKey}`;
}

/** Every (channel, alert key) of a routed event of the push, each once. */
export function alertPairs(push: PushToStore): Array<{ channelId: string; alertKey: string }> {
  const pairs = new Map<string, { channelId: string; alertKey: string }>();
  for (const { event, channelIds } of push.events) {
    for (const channelId of channelIds) {
      pairs.set(pairKey(channelId, event.alertKey), { channelId, alertKey: event.alertKey });
    }
  }
  return [...pairs.values()];
}

/**
 * Folds every event of the push into `alerts` (by `pairKey`: the channel's active alert for the
 * key, else its latest resolved one), in order, and lists what has to be written.
 */
export function planPush(push: PushToStore, alerts: Map<string, Alert>): PushPlan {
  const summary: PushSummary = {
    events: push.events.length,
    stored: 0,
    deduplicated: 0,
    unrouted: 0,
  };
  const rows: EventRow[] = [];
  const folded = new Set<Alert>();
  const repeated = new Set<Alert>();

  for (const { event, channelIds } of push.events) {
    if (channelIds.length === 0) {
      rows.push({ event, channelId: null, alert: null });
      summary.unrouted += 1;
      continue;
    }
    for (const channelId of channelIds) {
      const pair = pairKey(channelId, event.alertKey);
      const outcome = foldEvent(alerts.get(pair), event, {
        channelId,
        integrationId: push.integrationId,
        pluginId: push.pluginId,
        receivedAt: push.receivedAt,
      });
      if (outcome.kind === 'repeat') {
        repeated.add(outcome.alert);
        summary.deduplicated += 1;
        continue;
      }
      if (outcome.alert) {
        alerts.set(pair, outcome.alert);
        folded.add(outcome.alert);
      }
      rows.push({ event, channelId, alert: outcome.alert });
    }
  }
  summary.stored = rows.length;

  const opened: Alert[] = [];
  const changed: Alert[] = [];
  for (const alert of folded) (alert.id === undefined ? opened : changed).push(alert);
  return {
    summary,
    opened,
    changed,
    repeated: [...repeated].filter((alert) => alert.id !== undefined && !folded.has(alert)),
    rows,
  };
}
