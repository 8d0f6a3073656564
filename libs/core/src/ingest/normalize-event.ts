import { applySeverityMap, type ParsedEvent, type SeverityMap } from '@alert-hub/plugin-sdk';
import type { NormalizedEvent } from '../events/normalized-event.js';
import { EVENT_LIMITS, boundedAlertKey, boundedMap, truncate } from './event-limits.js';

/** Applies the severity map and the core's length limits to what a plugin parsed. */
export function normalizeEvent(
  parsed: ParsedEvent,
  severityMap: SeverityMap,
  receivedAt: Date,
): NormalizedEvent {
  const { severity, status, sourceSeverity } = applySeverityMap(severityMap, parsed);
  const description = parsed.description?.trim() ? parsed.description : null;
  return {
    status,
    severity,
    eventStatus: status === 'resolved' ? 'Ok' : severity,
    sourceSeverity:
      sourceSeverity === undefined ? null : truncate(sourceSeverity, EVENT_LIMITS.sourceSeverity),
    alertKey: boundedAlertKey(parsed.alertKey),
    title: truncate(parsed.title, EVENT_LIMITS.title),
    description: description === null ? null : truncate(description, EVENT_LIMITS.description),
    labels: boundedMap(parsed.labels, EVENT_LIMITS.labelValue),
    annotations: boundedMap(parsed.annotations ?? {}, EVENT_LIMITS.annotationValue),
    links: parsed.links && Object.keys(parsed.links).length > 0 ? parsed.links : null,
    startsAt: parsed.startsAt ?? null,
    endsAt: parsed.endsAt ?? null,
    eventTime: parsed.eventTime ?? receivedAt,
    raw: parsed.raw,
  };
}
