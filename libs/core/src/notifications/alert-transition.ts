import type { Severity } from '@alert-hub/plugin-sdk';

/** The changes of an alert a subscription can ask to be told about. */
export const TRANSITIONS = ['alert.triggered', 'alert.resolved', 'alert.severity_changed'] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** What a subscription wants when it does not say. */
export const DEFAULT_TRANSITIONS: readonly Transition[] = ['alert.triggered', 'alert.resolved'];

/** The alert as it was at the transition: what every notification of it says. */
export interface AlertSnapshot {
  alertId: number;
  channelId: string;
  integrationId: string;
  pluginId: string;
  alertKey: string;
  title: string;
  description: string | null;
  severity: Severity;
  /** The severity before a `severity_changed`; null for the other transitions. */
  previousSeverity: Severity | null;
  labels: Record<string, string>;
  /** ISO 8601. */
  startsAt: string;
  /** ISO 8601; set on `alert.resolved`. */
  resolvedAt: string | null;
}

/** One change of one alert, as the storage layer saw it while writing a push. */
export interface AlertTransition {
  transition: Transition;
  occurredAt: Date;
  alert: AlertSnapshot;
}

/**
 * A row of `notification_outbox`, the log of transitions: to be inserted in the transaction
 * that makes the transition, so that a committed transition always has its row. Each of the
 * channel's subscriptions reads it later from its own cursor (`NotificationLog`), in order per
 * alert.
 */
export interface OutboxRow {
  /** The database's to give: the order an alert's transitions happened in. */
  id?: number;
  alertId: number;
  channelId: string;
  transition: Transition;
  severity: Severity;
  occurredAt: Date;
  snapshot: AlertSnapshot;
}

/**
 * The outbox rows of a push's transitions, in the order they happened: the storage layer inserts
 * them in the push's transaction (`OutboxContributor`), for channels with subscriptions. Which
 * subscriptions want a row (transitions, filter) is decided when each reads it, as the
 * subscription is at that moment.
 */
export function outboxRowsFor(transitions: readonly AlertTransition[]): OutboxRow[] {
  return transitions.map(({ transition, occurredAt, alert }) => ({
    alertId: alert.alertId,
    channelId: alert.channelId,
    transition,
    severity: alert.severity,
    occurredAt,
    snapshot: alert,
  }));
}
