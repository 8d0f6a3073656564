import type { Severity } from '@alert-hub/plugin-sdk';
import type { AlertRecord } from '../storage/index.js';
import type { AlertSnapshot, AlertTransition } from './alert-transition.js';

/** What a notification keeps of an alert. */
export function snapshotOf(
  alert: AlertRecord,
  previousSeverity: Severity | null = null,
): AlertSnapshot {
  return {
    alertId: alert.id,
    channelId: alert.channelId,
    integrationId: alert.integrationId,
    pluginId: alert.pluginId,
    alertKey: alert.alertKey,
    title: alert.title,
    description: alert.description,
    severity: alert.severity,
    previousSeverity,
    labels: alert.labels,
    startsAt: (alert.startsAt ?? alert.createdAt).toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}

/**
 * The transitions that took an alert from `before` (undefined: it did not exist, or not as this
 * row) to `after`. An alert opened already resolved (a resolution whose firing was never seen)
 * notifies nothing: nobody was told it fired.
 */
export function transitionsBetween(
  before: AlertRecord | undefined,
  after: AlertRecord,
  occurredAt: Date,
): AlertTransition[] {
  const transitions: AlertTransition[] = [];
  const wasActive = before !== undefined && before.status === 'active';
  if (before === undefined) {
    if (after.status === 'active') {
      transitions.push({ transition: 'alert.triggered', occurredAt, alert: snapshotOf(after) });
    }
    return transitions;
  }
  if (wasActive && after.severity !== before.severity) {
    transitions.push({
      transition: 'alert.severity_changed',
      occurredAt,
      alert: snapshotOf(after, before.severity),
    });
  }
  if (wasActive && after.status === 'resolved') {
    transitions.push({ transition: 'alert.resolved', occurredAt, alert: snapshotOf(after) });
  }
  return transitions;
}
