import type { IntegrationPlugin } from '../integration-plugin.js';
import { omitUndefined } from '../omit-undefined.js';
import type { EventLinks, ParsedEvent } from '../parsed-event.js';
import { applySeverityMap } from '../severity-map.js';
import type { EventSeverityStatus, EventStatus, Severity } from '../severity.js';

/**
 * One event as a fixture's `<case>.expected.json` states it: what users would see once the
 * severity map is applied. Times are ISO strings; keys whose value is undefined are left out and
 * the rest come in this order; `raw` is not part of it.
 */
export interface ExpectedEvent {
  /** After the severity map: a source word mapped to `Ok` makes it `resolved`. */
  status: EventStatus;
  severity: Severity;
  /** `Ok` when resolved, else the severity (Flashduty's event status). */
  eventStatus: EventSeverityStatus;
  sourceSeverity?: string;
  alertKey: string;
  title: string;
  /** Present (true) only on an event whose title is a stand-in: the alert keeps its own. */
  keepsAlertTitle?: true;
  description?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  eventTime?: string;
  links?: EventLinks;
}

function toExpectedEvent(
  plugin: Pick<IntegrationPlugin, 'severityMap'>,
  event: ParsedEvent,
): ExpectedEvent {
  const decision = applySeverityMap(plugin.severityMap, event);
  return omitUndefined<ExpectedEvent>({
    status: decision.status,
    severity: decision.severity,
    eventStatus: decision.status === 'resolved' ? 'Ok' : decision.severity,
    sourceSeverity: decision.sourceSeverity,
    alertKey: event.alertKey,
    title: event.title,
    keepsAlertTitle: event.keepsAlertTitle === true ? true : undefined,
    description: event.description,
    labels: event.labels,
    annotations: event.annotations,
    startsAt: event.startsAt?.toISOString(),
    endsAt: event.endsAt?.toISOString(),
    eventTime: event.eventTime?.toISOString(),
    links: event.links && omitUndefined(event.links),
  });
}

/**
 * Parsed events in the expected-file format, with the plugin's severity map applied as the core
 * applies it. The core's end-to-end tests use it to compare what they stored with the fixtures.
 */
export function toExpectedEvents(
  plugin: Pick<IntegrationPlugin, 'severityMap'>,
  events: readonly ParsedEvent[],
): ExpectedEvent[] {
  return events.map((event) => toExpectedEvent(plugin, event));
}
