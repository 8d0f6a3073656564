import {
  readObject,
  type JsonObject,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';
import { parseAlertHubBody } from './alert-hub-event.js';
import { parseFlashdutyBody } from './flashduty-event.js';
import { parsePagerDutyBody } from './pagerduty-event.js';

/** The formats this plugin reads, told apart by the fields only each of them has. */
export type StandardDialect = 'alert-hub' | 'pagerduty' | 'flashduty';

/**
 * A body with `event_action` is a PagerDuty Events API v2 event, one with `event_status` a
 * Flashduty standard alert event; any other is Alert Hub's own format, whose fields have other
 * names. The shape decides, so one push URL serves senders of all three.
 */
export function dialectOf(body: JsonObject): StandardDialect {
  if (Object.hasOwn(body, 'event_action')) return 'pagerduty';
  if (Object.hasOwn(body, 'event_status')) return 'flashduty';
  return 'alert-hub';
}

/** Parses a push of any of the three dialects into its events. */
export function parseStandardWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  const object = readObject(body, '$');
  switch (dialectOf(object)) {
    case 'pagerduty':
      return parsePagerDutyBody(object, context);
    case 'flashduty':
      return parseFlashdutyBody(object, context);
    case 'alert-hub':
      return parseAlertHubBody(object, context);
  }
}
