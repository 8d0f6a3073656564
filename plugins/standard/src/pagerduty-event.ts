import {
  PayloadError,
  childPath,
  firstNonBlank,
  readIsoTime,
  readObject,
  readOneOf,
  readOptionalString,
  type JsonObject,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';
import { readDetails } from './event-details.js';
import { identify } from './event-identity.js';
import { readPagerDutyLinks } from './pagerduty-links.js';

/** PagerDuty Events API v2's `event_action`. */
export const PAGERDUTY_ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;

type PagerDutyAction = (typeof PAGERDUTY_ACTIONS)[number];

/** The fields of `payload` that say where the problem is and what it is: labels, to route on. */
const PAYLOAD_LABELS = ['source', 'component', 'group', 'class'] as const;

/** What a PagerDuty event's `payload` gives; a resolution or an acknowledgement may have none. */
interface PagerDutyPayload {
  title: string | undefined;
  severity: string | undefined;
  labels: Record<string, string>;
  details: Record<string, string> | undefined;
  timestamp: Date | undefined;
}

/** A PagerDuty event read: what it asks for, the alert it is about and what it says of it. */
interface PagerDutyEvent {
  action: PagerDutyAction;
  identity: Pick<ParsedEvent, 'alertKey' | 'title' | 'keepsAlertTitle'>;
  payload: PagerDutyPayload;
}

function readPayload(body: JsonObject, action: PagerDutyAction): PagerDutyPayload {
  const present = body.payload !== undefined && body.payload !== null;
  // PagerDuty requires a payload on a trigger only: it holds the summary.
  const payload = present || action === 'trigger' ? readObject(body.payload, '$.payload') : {};
  const at = (key: string) => childPath('$.payload', key);
  const labels: Record<string, string> = {};
  for (const name of PAYLOAD_LABELS) {
    const value = firstNonBlank(readOptionalString(payload[name], at(name)));
    if (value !== undefined) labels[name] = value;
  }
  const client = firstNonBlank(readOptionalString(body.client, '$.client'));
  if (client !== undefined) labels.client = client;
  return {
    title: firstNonBlank(readOptionalString(payload.summary, at('summary'))),
    severity: firstNonBlank(readOptionalString(payload.severity, at('severity'))),
    labels,
    details: readDetails(payload.custom_details, at('custom_details')),
    timestamp: readIsoTime(payload.timestamp, at('timestamp')),
  };
}

function readPagerDutyEvent(body: JsonObject): PagerDutyEvent {
  const action = readOneOf(body.event_action, '$.event_action', PAGERDUTY_ACTIONS);
  const dedupKey = firstNonBlank(readOptionalString(body.dedup_key, '$.dedup_key'));
  if (action !== 'trigger' && dedupKey === undefined) {
    throw new PayloadError(
      `is required to ${action}: the dedup_key the trigger was sent with, or answered`,
      '$.dedup_key',
    );
  }
  const payload = readPayload(body, action);
  const identity = identify(
    {
      status: action === 'trigger' ? 'firing' : 'resolved',
      alertKey: dedupKey,
      title: payload.title,
      labels: payload.labels,
    },
    { alertKey: '$.dedup_key', title: '$.payload.summary' },
  );
  return { action, identity, payload };
}

/**
 * The `dedup_key` of a PagerDuty event, as PagerDuty answers it: the one sent, or for a trigger
 * without one the key Alert Hub derived, which the sender needs to resolve the alert.
 */
export function pagerDutyDedupKey(body: JsonObject): string {
  return readPagerDutyEvent(body).identity.alertKey;
}

/**
 * A PagerDuty Events API v2 event: `trigger` fires, `resolve` resolves, `acknowledge` stores
 * nothing (Alert Hub has no acknowledgement; the push log notes it). `routing_key` is
 * PagerDuty's credential, not Alert Hub's (the integration key is in the push URL): it is left
 * out of the stored raw JSON. `images` are not kept.
 */
export function parsePagerDutyBody(body: JsonObject, context: ParseContext): ParsedEvent[] {
  const { action, identity, payload } = readPagerDutyEvent(body);
  if (action === 'acknowledge') {
    context.note(
      `PagerDuty acknowledge of dedup_key ${JSON.stringify(identity.alertKey)}: Alert Hub has no acknowledgement, nothing stored`,
    );
    return [];
  }
  const { routing_key: _routingKey, ...raw } = body;
  return [
    {
      status: action === 'trigger' ? 'firing' : 'resolved',
      ...identity,
      labels: payload.labels,
      annotations: payload.details,
      sourceSeverity: payload.severity,
      eventTime: payload.timestamp ?? context.receivedAt,
      links: readPagerDutyLinks(body),
      raw,
    },
  ];
}
