import {
  NEVER_RESOLVES,
  NEVER_RESOLVES_LABEL,
  applySeverityMap,
  type IntegrationPlugin,
  type ParseContext,
  type ParsedEvent,
  type SeverityMap,
} from '@alert-hub/plugin-sdk';
import type { NormalizedEvent } from '../events/normalized-event.js';
import {
  EVENTS_PER_PUSH,
  EVENT_LIMITS,
  boundedAlertKey,
  boundedLinks,
  boundedMap,
  truncate,
} from '../events/event-limits.js';
import { TooManyEventsError } from './too-many-events.error.js';

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
    keepsAlertTitle: parsed.keepsAlertTitle === true,
    description: description === null ? null : truncate(description, EVENT_LIMITS.description),
    labels: boundedMap(parsed.labels, EVENT_LIMITS.labelValue),
    annotations: boundedMap(parsed.annotations ?? {}, EVENT_LIMITS.annotationValue),
    links: boundedLinks(parsed.links),
    startsAt: parsed.startsAt ?? null,
    endsAt: parsed.endsAt ?? null,
    eventTime: parsed.eventTime ?? receivedAt,
    neverResolves: parsed.labels[NEVER_RESOLVES_LABEL] === NEVER_RESOLVES,
    pipelineSteps: null,
    raw: parsed.raw,
  };
}

/** The events a body carries, as the plugin reads them and the core keeps them. */
export function eventsOfBody(
  plugin: IntegrationPlugin,
  body: unknown,
  context: ParseContext,
): NormalizedEvent[] {
  const parsed = plugin.parse(body, context);
  if (parsed.length > EVENTS_PER_PUSH) throw new TooManyEventsError(parsed.length);
  return parsed.map((event) => normalizeEvent(event, plugin.severityMap, context.receivedAt));
}
