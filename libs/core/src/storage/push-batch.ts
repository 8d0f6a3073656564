import type { AlertRecord } from './tables/alerts.table.js';
import type { EventRecord } from './tables/alert-events.table.js';

/**
 * What makes events one alert: the integration that sent them, the channel they went to and
 * their alert key.
 */
export interface AlertIdentity {
  integrationId: string;
  channelId: string;
  alertKey: string;
}

/** The alert writes of a batch, in the order they are written (see `PushBatchPlan`). */
export interface AlertWrites<Alert extends AlertRecord = AlertRecord> {
  /** Existing alerts an event was folded into, or whose auto-resolve settled: written whole. */
  changed: Alert[];
  /** New alerts: inserted after `changed`, before any event; the writer gives them their ids. */
  opened: Alert[];
  /** Existing alerts that only saw repeats: their counters and last-seen time are written. */
  repeated: Alert[];
}

/**
 * What a batch of pushes writes, decided in memory from the current alerts. Written in this
 * order: `changed` first, so that an alert a push resolves is no longer active when a new alert
 * of its identity is inserted (one active alert per identity); then `opened`, so that events can
 * point at them; then `repeated`; then the events and whatever contributors add.
 */
export interface PushBatchPlan<Result> extends AlertWrites {
  /** The event rows: asked for once the opened alerts have their ids. */
  events(): EventRecord[];
  /** What each push of the batch answers, in the order of the pushes. */
  results: Result[];
}

/**
 * The domain's part of storing pushes, which the storage layer does not know: which alerts a
 * batch reads, and what it writes given them. The writers call it inside the transaction, after
 * the current alerts are loaded (and, on PostgreSQL, locked).
 */
export interface PushPlanner<Push, Result> {
  identities(pushes: readonly Push[]): AlertIdentity[];
  plan(pushes: readonly Push[], current: AlertRecord[]): PushBatchPlan<Result>;
}

/**
 * What a batch wrote, as contributors see it: alerts with their ids, the event rows, and the
 * alerts as the batch found them (what it changed them from).
 */
export interface WrittenPushBatch extends AlertWrites {
  events: readonly EventRecord[];
  /**
   * The alerts the batch loaded, by id, as they were before it: an alert of `changed` or
   * `repeated` is here; one of `opened` is not. Copies, whatever the planner did to its own.
   */
  before: ReadonlyMap<number, AlertRecord>;
}

/** `before` of a batch: the loaded alerts, copied before the planner sees them. */
export function alertsBefore(current: readonly AlertRecord[]): Map<number, AlertRecord> {
  return new Map(current.map((alert) => [alert.id, { ...alert }]));
}
