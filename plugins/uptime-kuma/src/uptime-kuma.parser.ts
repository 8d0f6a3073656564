import {
  childPath,
  firstNonBlank,
  PayloadError,
  readArray,
  readInteger,
  readLocalTime,
  readObject,
  readOptionalString,
  type EventStatus,
  type JsonObject,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/** Uptime Kuma's heartbeat statuses: DOWN 0, UP 1, PENDING 2, MAINTENANCE 3. */
const STATUS_BY_CODE: ReadonlyMap<number, EventStatus> = new Map([
  [0, 'firing'],
  [1, 'resolved'],
  // Uptime Kuma itself calls every status but UP "Down" in the message it sends.
  [2, 'firing'],
  // A monitor under maintenance is not failing: its alert, if any, is over.
  [3, 'resolved'],
]);

/** Uptime Kuma stores heartbeat times in UTC and sends them without a zone. */
const HEARTBEAT_TIME_OFFSET = 'Z';

const HTTP_URL = /^https?:\/\/[^/\s]+/i;

function readStatus(heartbeat: JsonObject): EventStatus {
  const path = '$.heartbeat.status';
  const code = readInteger(heartbeat.status, path);
  const status = STATUS_BY_CODE.get(code);
  if (status === undefined) {
    throw new PayloadError(
      `expected 0 (down), 1 (up), 2 (pending) or 3 (maintenance), got ${code}`,
      path,
    );
  }
  return status;
}

/** The monitor's tags (`[{name, value}]`), which users add in Uptime Kuma, as labels. */
function readTagLabels(monitor: JsonObject): Record<string, string> {
  if (monitor.tags === undefined || monitor.tags === null) return {};
  const tagsPath = '$.monitor.tags';
  const entries = readArray(monitor.tags, tagsPath).flatMap((item, index) => {
    const tagPath = childPath(tagsPath, index);
    const tag = readObject(item, tagPath);
    const name = firstNonBlank(readOptionalString(tag.name, childPath(tagPath, 'name')));
    const value = readOptionalString(tag.value, childPath(tagPath, 'value')) ?? '';
    return name === undefined ? [] : [[name, value]];
  });
  return Object.fromEntries(entries) as Record<string, string>;
}

function readLabels(monitor: JsonObject, monitorId: string): Record<string, string> {
  const labels: Record<string, string> = { ...readTagLabels(monitor), monitor_id: monitorId };
  const type = readOptionalString(monitor.type, '$.monitor.type');
  if (type !== undefined) labels.monitor_type = type;
  const hostname = readOptionalString(monitor.hostname, '$.monitor.hostname');
  if (hostname !== undefined) labels.hostname = hostname;
  return labels;
}

/** Uptime Kuma keeps `https://` in the URL of monitors that have none (ping, port, DNS). */
function readMonitorUrl(monitor: JsonObject): string | undefined {
  const url = readOptionalString(monitor.url, '$.monitor.url');
  return url !== undefined && HTTP_URL.test(url) ? url : undefined;
}

function readMonitorId(monitor: JsonObject, heartbeat: JsonObject): string {
  if (monitor.id !== undefined && monitor.id !== null) {
    return String(readInteger(monitor.id, '$.monitor.id'));
  }
  if (heartbeat.monitorID !== undefined && heartbeat.monitorID !== null) {
    return String(readInteger(heartbeat.monitorID, '$.heartbeat.monitorID'));
  }
  throw new PayloadError('is required (the monitor id, or heartbeat.monitorID)', '$.monitor.id');
}

/** Why a notification without a heartbeat stores nothing, for the push log. */
function noticeNote(notification: JsonObject): string {
  if (notification.monitor === undefined || notification.monitor === null) {
    return 'Uptime Kuma test notification: no monitor changed state, nothing stored';
  }
  const message = firstNonBlank(readOptionalString(notification.msg, '$.msg'));
  return `Uptime Kuma notice without a heartbeat, not a change of state: nothing stored${
    message === undefined ? '' : ` (${message})`
  }`;
}

/**
 * Parses an Uptime Kuma webhook notification (JSON body) into one event for the monitor. The
 * notification test button, and certificate-expiry notices, send no heartbeat: they give no
 * event, and a note in the push log says why.
 */
export function parseUptimeKumaWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  const notification = readObject(body, '$');
  if (notification.heartbeat === undefined || notification.heartbeat === null) {
    context.note(noticeNote(notification));
    return [];
  }
  const heartbeat = readObject(notification.heartbeat, '$.heartbeat');
  const monitor =
    notification.monitor === undefined || notification.monitor === null
      ? {}
      : readObject(notification.monitor, '$.monitor');
  const monitorId = readMonitorId(monitor, heartbeat);
  const status = readStatus(heartbeat);
  const time = readLocalTime(heartbeat.time, '$.heartbeat.time', HEARTBEAT_TIME_OFFSET);
  const sourceUrl = readMonitorUrl(monitor);
  return [
    {
      status,
      alertKey: monitorId,
      title:
        firstNonBlank(readOptionalString(monitor.name, '$.monitor.name')) ?? `Monitor ${monitorId}`,
      description: firstNonBlank(
        readOptionalString(heartbeat.msg, '$.heartbeat.msg'),
        readOptionalString(notification.msg, '$.msg'),
      ),
      labels: readLabels(monitor, monitorId),
      startsAt:
        status === 'resolved'
          ? readLocalTime(heartbeat.lastDownTime, '$.heartbeat.lastDownTime', HEARTBEAT_TIME_OFFSET)
          : time,
      endsAt: status === 'resolved' ? time : undefined,
      eventTime: time,
      links: sourceUrl === undefined ? undefined : { sourceUrl },
      raw: notification,
    },
  ];
}
