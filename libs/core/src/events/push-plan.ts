import type { AlertIdentity, AlertWrites } from '../storage/index.js';
import { foldEvent } from './alert-folding.js';
import type { Alert } from './alert.entity.js';
import type { NormalizedEvent, PushSummary, PushToStore } from './normalized-event.js';

/** One event row to insert: the event, the channel it went to and the alert it folded into. */
export interface EventRow {
  event: NormalizedEvent;
  channelId: string | null;
  alert: Alert | null;
  /** The silence that marked this copy of the event, if one did. */
  silencedBy: string | null;
}

/**
 * What storing one or more pushes must write, decided in memory. Pushes are added in order and
 * fold into one map of alerts (by `identityKey`: the active alert of an identity, else its latest
 * resolved one), so a batch of pushes writes what the same pushes one by one would.
 */
export class WritePlan {
  readonly rows: Array<{ row: EventRow; push: PushToStore }> = [];
  private readonly folded = new Set<Alert>();
  private readonly repeats = new Set<Alert>();
  /** Alerts whose status their auto-resolve time changed for an event: written whole. */
  private readonly autoResolveSettled = new Set<Alert>();

  constructor(private readonly alerts: Map<string, Alert>) {}

  /** Folds the events of `push` and returns its summary. */
  add(push: PushToStore): PushSummary {
    const summary: PushSummary = {
      events: push.events.length,
      stored: 0,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    };
    for (const { event, channelIds, silences } of push.events) {
      if (channelIds.length === 0) {
        const silencedBy = silences?.get(null) ?? null;
        this.rows.push({ row: { event, channelId: null, alert: null, silencedBy }, push });
        summary.stored += 1;
        summary.unrouted += 1;
        continue;
      }
      for (const channelId of channelIds) {
        const identity = identityKey({
          integrationId: push.integrationId,
          channelId,
          alertKey: event.alertKey,
        });
        const silencedBy = silences?.get(channelId) ?? null;
        const outcome = foldEvent(this.alerts.get(identity), event, {
          channelId,
          integrationId: push.integrationId,
          pluginId: push.pluginId,
          receivedAt: push.receivedAt,
          autoResolveAfterSeconds: push.autoResolveAfterSeconds,
          silencedBy,
        });
        if (outcome.autoResolveSettled) this.autoResolveSettled.add(outcome.autoResolveSettled);
        if (outcome.kind === 'repeat') {
          this.repeats.add(outcome.alert);
          summary.deduplicated += 1;
          continue;
        }
        this.alerts.set(identity, outcome.alert);
        this.folded.add(outcome.alert);
        const shown = event.keepsAlertTitle ? withAlertText(event, outcome.alert) : event;
        this.rows.push({
          row: { event: shown, channelId, alert: outcome.alert, silencedBy },
          push,
        });
        summary.stored += 1;
      }
    }
    return summary;
  }

  /**
   * The alerts to write, sorted before any is written: inserting a new alert gives it an id, and
   * it must not then be taken for an existing one and written a second time.
   */
  alertWrites(): AlertWrites<Alert> {
    const writes: AlertWrites<Alert> = { opened: [], changed: [], repeated: [] };
    for (const alert of this.folded) {
      (alert.id === undefined ? writes.opened : writes.changed).push(alert);
    }
    for (const alert of this.autoResolveSettled) {
      if (alert.id !== undefined && !this.folded.has(alert)) writes.changed.push(alert);
    }
    for (const alert of this.repeats) {
      const written = this.folded.has(alert) || this.autoResolveSettled.has(alert);
      if (alert.id !== undefined && !written) writes.repeated.push(alert);
    }
    return writes;
  }
}

/**
 * An event whose source sent no title, as stored in one channel: with the title and description
 * of the alert it folded into (its own description wins). An alert it opened has its stand-in.
 */
function withAlertText(event: NormalizedEvent, alert: Alert): NormalizedEvent {
  return { ...event, title: alert.title, description: event.description ?? alert.description };
}

/**
 * What makes events one alert: the integration that sent them, the channel they went to and
 * their alert key. The key alone is the sender's to choose (a fingerprint is a hash of labels
 * anyone can compute), so with the integration in it no other sender can touch the alert.
 */
export function identityKey({ integrationId, channelId, alertKey }: AlertIdentity): string {
  return `${integrationId}\u0000${channelId}\u0000${alertKey}`;
}

/** Loaded alerts by their identity: what `WritePlan` folds into. */
export function alertsByIdentity(alerts: Iterable<Alert>): Map<string, Alert> {
  const byIdentity = new Map<string, Alert>();
  for (const alert of alerts) byIdentity.set(identityKey(alert), alert);
  return byIdentity;
}

/** The identity of every routed event of the pushes, each once. */
export function alertIdentities(pushes: readonly PushToStore[]): AlertIdentity[] {
  const identities = new Map<string, AlertIdentity>();
  for (const { integrationId, events } of pushes) {
    for (const { event, channelIds } of events) {
      for (const channelId of channelIds) {
        const identity = { integrationId, channelId, alertKey: event.alertKey };
        identities.set(identityKey(identity), identity);
      }
    }
  }
  return [...identities.values()];
}
