import type { ParseContext } from '../integration-plugin.js';
import { omitUndefined } from '../omit-undefined.js';
import { fallbackTitle, type EventLinks, type ParsedEvent } from '../parsed-event.js';
import { firstNonBlank } from '../payload/first-non-blank.js';
import { childPath } from '../payload/json-path.js';
import { readArray, readObject, readOptionalString } from '../payload/payload-reader.js';
import {
  readAlertmanagerAlert,
  type AlertmanagerAlert,
  type AlertmanagerGroup,
} from './alertmanager-alert.js';
import {
  defaultAlertKey,
  defaultDescription,
  defaultLinks,
  defaultTitle,
  type AlertmanagerDialect,
  type PossibleLinks,
} from './alertmanager-dialect.js';

/** Links with the missing ones left out; undefined when none is left. */
function presentLinks(links: PossibleLinks): EventLinks | undefined {
  const present = omitUndefined(links) as EventLinks;
  return Object.keys(present).length === 0 ? undefined : present;
}

function toParsedEvent(
  alert: AlertmanagerAlert,
  group: AlertmanagerGroup,
  dialect: AlertmanagerDialect,
): ParsedEvent {
  const alertKey = (dialect.alertKey ?? defaultAlertKey)(alert, group);
  const title =
    firstNonBlank((dialect.title ?? defaultTitle)(alert, group)) ?? fallbackTitle(alertKey);
  const eventTime = dialect.eventTime?.(alert, group) ?? group.context.receivedAt;
  return omitUndefined({
    status: alert.status,
    alertKey,
    title,
    description: firstNonBlank((dialect.description ?? defaultDescription)(alert, group)),
    labels: { ...alert.labels },
    annotations: { ...alert.annotations },
    startsAt: alert.startsAt,
    endsAt: alert.endsAt,
    eventTime: new Date(eventTime.getTime()),
    links: presentLinks((dialect.links ?? defaultLinks)(alert, group)),
    raw: alert.raw,
  });
}

/**
 * Parses an Alertmanager-shaped webhook body (`{alerts: [...], externalURL, ...}`) into one event
 * per alert. Fields nobody reads are ignored, so newer senders that add some still parse. Severity
 * is left to the plugin's severity map, which the core applies.
 */
export function parseAlertmanagerWebhook(
  body: unknown,
  context: ParseContext,
  dialect: AlertmanagerDialect = {},
): ParsedEvent[] {
  const object = readObject(body, '$');
  const alertsPath = childPath('$', 'alerts');
  const alerts = readArray(object.alerts, alertsPath).map((alert, index) =>
    readAlertmanagerAlert(alert, childPath(alertsPath, index)),
  );
  const group: AlertmanagerGroup = {
    body: object,
    externalUrl: readOptionalString(object.externalURL, childPath('$', 'externalURL')),
    context,
  };
  return alerts.map((alert) => toParsedEvent(alert, group, dialect));
}
