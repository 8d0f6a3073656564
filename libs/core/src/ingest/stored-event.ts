import type { AlertEvent } from '../events/alert-event.entity.js';
import type { NormalizedEvent } from '../events/normalized-event.js';

/** A stored event as the ingest flow would have it after parsing, to run later steps on again. */
export function normalizedFromStored(stored: AlertEvent): NormalizedEvent {
  return {
    status: stored.status,
    severity: stored.severity,
    eventStatus: stored.eventStatus,
    sourceSeverity: stored.sourceSeverity,
    alertKey: stored.alertKey,
    title: stored.title,
    keepsAlertTitle: false,
    description: stored.description,
    labels: stored.labels,
    annotations: stored.annotations,
    links: stored.links,
    startsAt: stored.startsAt,
    endsAt: stored.endsAt,
    eventTime: stored.eventTime,
    neverResolves: false,
    pipelineSteps: stored.pipelineSteps,
    raw: stored.raw,
  };
}
