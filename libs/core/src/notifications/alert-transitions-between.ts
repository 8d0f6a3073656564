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
 * notifies nothing: nobody was told it fired. A silence in mode mark keeps an alert from
 * anyone's attention: it triggers when no silence holds it any more (at opening, or when an
 * event no silence matches un-silences it), and its severity changes go untold while silenced.
 * Resolutions always pass, as they do through silences.
 */
export function transitionsBetween(
  before: AlertRecord | undefined,
  after: AlertRecord,
  occurredAt: Date,
): AlertTransition[] {
  const transitions: AlertTransition[] = [];
  const shown = after.status === 'active' && after.silencedBy === null;
  if (before === undefined) {
    if (shown) {
      transitions.push({ transition: 'alert.triggered', occurredAt, alert: snapshotOf(after) });
    }
    return transitions;
  }
  const wasActive = before.status === 'active';
  if (wasActive && shown && before.silencedBy !== null) {
    transitions.push({ transition: 'alert.triggered', occurredAt, alert: snapshotOf(after) });
  } else if (wasActive && shown && after.severity !== before.severity) {
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
