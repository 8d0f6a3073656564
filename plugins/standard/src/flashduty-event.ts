import {
  SEVERITIES,
  firstNonBlank,
  readEpochTime,
  readOneOf,
  readOptionalString,
  readStringMap,
  type JsonObject,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';
import { identify } from './event-identity.js';
import { renderFlashdutyTitle } from './flashduty-title.js';

/** Flashduty's `event_status`: the severity of a firing event, or `Ok` for its recovery. */
export const FLASHDUTY_EVENT_STATUSES = [...SEVERITIES, 'Ok'] as const;

/** `title_rule`, else `title`, the name older senders (Keep's Flashduty provider) use. */
function readTitleRule(body: JsonObject): string | undefined {
  return (
    firstNonBlank(readOptionalString(body.title_rule, '$.title_rule')) ??
    firstNonBlank(readOptionalString(body.title, '$.title'))
  );
}

/**
 * A Flashduty standard alert event: `event_status` `Critical`, `Warning` or `Info` fires with that
 * severity, `Ok` resolves. `event_time` is Unix seconds (milliseconds are recognised too).
 * `images` are not kept.
 */
export function parseFlashdutyBody(body: JsonObject, context: ParseContext): ParsedEvent[] {
  const eventStatus = readOneOf(body.event_status, '$.event_status', FLASHDUTY_EVENT_STATUSES);
  const status = eventStatus === 'Ok' ? 'resolved' : 'firing';
  const labels = readStringMap(body.labels, '$.labels');
  const rule = readTitleRule(body);
  const identity = identify(
    {
      status,
      alertKey: firstNonBlank(readOptionalString(body.alert_key, '$.alert_key')),
      title: rule === undefined ? undefined : firstNonBlank(renderFlashdutyTitle(rule, labels)),
      labels,
    },
    { alertKey: '$.alert_key', title: '$.title_rule' },
  );
  return [
    {
      status,
      ...identity,
      description: firstNonBlank(readOptionalString(body.description, '$.description')),
      labels,
      sourceSeverity: eventStatus === 'Ok' ? undefined : eventStatus,
      eventTime: readEpochTime(body.event_time, '$.event_time') ?? context.receivedAt,
      raw: body,
    },
  ];
}
