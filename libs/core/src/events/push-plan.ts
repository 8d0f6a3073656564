import { foldEvent } from './alert-folding.js';
import type { Alert } from './alert.entity.js';
import type { NormalizedEvent, PushSummary, PushToStore } from './normalized-event.js';

/** One event row to insert: the event, the channel it went to and the alert it folded into. */
export interface EventRow {
  event: NormalizedEvent;
  channelId: string | null;
  alert: Alert | null;
}

/**
 * What storing one or more pushes must write, decided in memory. Pushes are added in order and
 * fold into one map of alerts (by `pairKey`: the channel's active alert for the key, else its
 * latest resolved one), so a batch of pushes writes what the same pushes one by one would.
 */
export class WritePlan {
  readonly rows: Array<{ row: EventRow; push: PushToStore }> = [];
  private readonly folded = new Set<Alert>();
  private readonly repeats = new Set<Alert>();

  constructor(private readonly alerts: Map<string, Alert>) {}

  /** Folds the events of `push` and returns its summary. */
  add(push: PushToStore): PushSummary {
    const summary: PushSummary = {
      events: push.events.length,
      stored: 0,
      deduplicated: 0,
      unrouted: 0,
    };
    for (const { event, channelIds } of push.events) {
      if (channelIds.length === 0) {
        this.rows.push({ row: { event, channelId: null, alert: null }, push });
        summary.stored += 1;
        summary.unrouted += 1;
        continue;
      }
      for (const channelId of channelIds) {
        const pair = pairKey(channelId, event.alertKey);
        const outcome = foldEvent(this.alerts.get(pair), event, {
          channelId,
          integrationId: push.integrationId,
          pluginId: push.pluginId,
          receivedAt: push.receivedAt,
        });
        if (outcome.kind === 'repeat') {
          this.repeats.add(outcome.alert);
          summary.deduplicated += 1;
          continue;
        }
        if (outcome.alert) {
          this.alerts.set(pair, outcome.alert);
          this.folded.add(outcome.alert);
        }
        this.rows.push({ row: { event, channelId, alert: outcome.alert }, push });
        summary.stored += 1;
      }
    }
    return summary;
  }

  /**
   * The alerts to write, sorted before any is written: inserting a new alert gives it an id, and
   * it must not then be taken for an existing one and written a second time.
   */
  alertWrites(): AlertWrites {
    const writes: AlertWrites = { opened: [], changed: [], repeated: [] };
    for (const alert of this.folded) {
      (alert.id === undefined ? writes.opened : writes.changed).push(alert);
    }
    for (const alert of this.repeats) {
      if (alert.id !== undefined && !this.folded.has(alert)) writes.repeated.push(alert);
    }
    return writes;
  }
}

export interface AlertWrites {
  /** New alerts: inserted first, so that their events can point at them. */
  opened: Alert[];
  /** Existing alerts an event was folded into: every mutable column is written. */
  changed: Alert[];
  /** Existing alerts that only saw repeats: their counters and last-seen time are written. */
  repeated: Alert[];
}

export function pairKey(channelId: string, alertKey: string): string {
  return `${channelId}\u0000${alertKey}`;
}

/** Every (channel, alert key) of a routed event of the pushes, each once. */
export function alertPairs(
  pushes: readonly PushToStore[],
): Array<{ channelId: string; alertKey: string }> {
  const pairs = new Map<string, { channelId: string; alertKey: string }>();
  for (const push of pushes) {
    for (const { event, channelIds } of push.events) {
      for (const channelId of channelIds) {
        pairs.set(pairKey(channelId, event.alertKey), { channelId, alertKey: event.alertKey });
      }
    }
  }
  return [...pairs.values()];
}
