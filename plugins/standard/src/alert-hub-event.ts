import {
  LINK_NAME_PATTERN,
  MAX_EVENT_LINKS,
  MAX_LINK_URL_LENGTH,
  PayloadError,
  childPath,
  firstNonBlank,
  isEventLinkUrl,
  readArray,
  readEpochTime,
  readIsoTime,
  readObject,
  readOneOf,
  readOptionalString,
  readString,
  readStringMap,
  type EventLinks,
  type JsonObject,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';
import { readDetails } from './event-details.js';
import { identify } from './event-identity.js';

/** What an Alert Hub event asks for: the problem is there, or it is over. */
export const ALERT_HUB_ACTIONS = ['trigger', 'resolve'] as const;

/**
 * Events one batch may carry: a script flushing what it checked in a run. The core's own bound
 * (10 000 a push) is for Alertmanager groups; a batch past this is more likely a loop gone wrong.
 */
export const MAX_BATCH_EVENTS = 1000;

const EPOCH_TEXT = /^\d+(?:\.\d+)?$/;

/** `eventTime`: ISO 8601 text, or Unix seconds or milliseconds as a number or its text. */
function readEventTime(value: unknown, path: string): Date | undefined {
  if (typeof value === 'number') return readEpochTime(value, path);
  if (typeof value === 'string' && EPOCH_TEXT.test(value.trim())) return readEpochTime(value, path);
  return readIsoTime(value, path);
}

/** `links`: names as the core keeps them, absolute http(s) URLs; refused rather than dropped. */
function readLinks(value: unknown, path: string): EventLinks | undefined {
  if (value === undefined || value === null) return undefined;
  const entries = Object.entries(readObject(value, path));
  if (entries.length > MAX_EVENT_LINKS) {
    throw new PayloadError(
      `holds ${entries.length} links; an event keeps at most ${MAX_EVENT_LINKS}`,
      path,
    );
  }
  for (const [name, url] of entries) {
    const linkPath = childPath(path, name);
    if (!LINK_NAME_PATTERN.test(name)) {
      throw new PayloadError(
        'is no link name: a letter, then up to 63 letters, digits or _ (runbookUrl)',
        linkPath,
      );
    }
    if (!isEventLinkUrl(readString(url, linkPath))) {
      throw new PayloadError(
        `expected an absolute http or https URL of at most ${MAX_LINK_URL_LENGTH} characters`,
        linkPath,
      );
    }
  }
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as EventLinks);
}

function parseAlertHubEvent(event: JsonObject, path: string, context: ParseContext): ParsedEvent {
  const at = (key: string) => childPath(path, key);
  const action = readOneOf(event.action, at('action'), ALERT_HUB_ACTIONS);
  const status = action === 'trigger' ? 'firing' : 'resolved';
  const labels = readStringMap(event.labels, at('labels'));
  const identity = identify(
    {
      status,
      alertKey: firstNonBlank(readOptionalString(event.alertKey, at('alertKey'))),
      title: firstNonBlank(readOptionalString(event.title, at('title'))),
      labels,
    },
    { alertKey: at('alertKey'), title: at('title') },
  );
  return {
    status,
    ...identity,
    description: firstNonBlank(readOptionalString(event.description, at('description'))),
    labels,
    annotations: readDetails(event.details, at('details')),
    sourceSeverity: firstNonBlank(readOptionalString(event.severity, at('severity'))),
    eventTime: readEventTime(event.eventTime, at('eventTime')) ?? context.receivedAt,
    links: readLinks(event.links, at('links')),
    raw: event,
  };
}

/**
 * Alert Hub's own event format: one event, or `{"events": [...]}`, a batch of up to
 * {@link MAX_BATCH_EVENTS}. An empty batch is accepted, with a note.
 */
export function parseAlertHubBody(body: JsonObject, context: ParseContext): ParsedEvent[] {
  if (!Object.hasOwn(body, 'events')) return [parseAlertHubEvent(body, '$', context)];
  const events = readArray(body.events, '$.events');
  if (events.length > MAX_BATCH_EVENTS) {
    throw new PayloadError(
      `holds ${events.length} events; a batch holds at most ${MAX_BATCH_EVENTS}: send several`,
      '$.events',
    );
  }
  if (events.length === 0) context.note('an empty batch of events: nothing stored');
  return events.map((item, index) => {
    const path = childPath('$.events', index);
    return parseAlertHubEvent(readObject(item, path), path, context);
  });
}
