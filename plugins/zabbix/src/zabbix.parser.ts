import {
  childPath,
  firstNonBlank,
  PayloadError,
  readArray,
  readInteger,
  readJsonText,
  readLocalTime,
  readObject,
  readOptionalString,
  readString,
  readUtcOffset,
  type EventLinks,
  type JsonObject,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/** Zabbix leaves a macro it cannot expand as written: `{EVENT.RECOVERY.DATE}` in a problem. */
const UNEXPANDED_MACRO = /^\{[A-Z0-9_.$#]+\}$/;

/** A parameter of Alert Hub's media type: absent when empty or when Zabbix left the macro. */
function readParameter(body: JsonObject, name: string): string | undefined {
  const text = firstNonBlank(readOptionalString(body[name], childPath('$', name)));
  return text === undefined || UNEXPANDED_MACRO.test(text) ? undefined : text;
}

function readIntegerParameter(body: JsonObject, name: string): number | undefined {
  const text = readParameter(body, name);
  return text === undefined ? undefined : readInteger(text, childPath('$', name));
}

/** `{EVENT.TAGSJSON}`: a JSON array of `{"tag": …, "value": …}`, sent as text. */
function readTags(body: JsonObject): Record<string, string> {
  const path = '$.event_tags';
  const text = readParameter(body, 'event_tags');
  if (text === undefined) return {};
  const tags = readJsonText(text, path, 'the array {EVENT.TAGSJSON} gives');
  const entries = readArray(tags, path).map((item, index) => {
    const tagPath = `${path}[${index}]`;
    const tag = readObject(item, tagPath);
    return [
      readString(tag.tag, childPath(tagPath, 'tag')),
      readOptionalString(tag.value, childPath(tagPath, 'value')) ?? '',
    ];
  });
  return Object.fromEntries(entries) as Record<string, string>;
}

function readLabels(body: JsonObject): Record<string, string> {
  const host = readParameter(body, 'host_name');
  const hostIp = readParameter(body, 'host_ip');
  return {
    ...(host === undefined ? {} : { host }),
    ...(hostIp === undefined ? {} : { host_ip: hostIp }),
    ...readTags(body),
  };
}

/** The severity level 0–5, where the severity map reads it, and what Zabbix says beside it. */
function readAnnotations(body: JsonObject): Record<string, string> {
  const annotations: Record<string, string> = {};
  const severity = readIntegerParameter(body, 'event_nseverity');
  if (severity !== undefined) annotations.severity = String(severity);
  const operationalData = readParameter(body, 'event_opdata');
  if (operationalData !== undefined) annotations.operational_data = operationalData;
  const triggerId = readParameter(body, 'trigger_id');
  if (triggerId !== undefined) annotations.trigger_id = triggerId;
  return annotations;
}

/** `{EVENT.DATE}` and `{EVENT.TIME}` (or the recovery's): local time at `time_zone`. */
function readDateTime(
  body: JsonObject,
  dateName: string,
  timeName: string,
  utcOffset: string,
): Date | undefined {
  const date = readParameter(body, dateName);
  const time = readParameter(body, timeName);
  if (date === undefined || time === undefined) return undefined;
  return readLocalTime(`${date} ${time}`, childPath('$', dateName), utcOffset);
}

/** The problem in Zabbix's frontend, as Zabbix's own media types link it. */
function readLinks(body: JsonObject, eventId: string): EventLinks | undefined {
  const zabbixUrl = readParameter(body, 'zabbix_url')?.replace(/\/+$/, '');
  const triggerId = readParameter(body, 'trigger_id');
  if (zabbixUrl === undefined || triggerId === undefined) return undefined;
  const query = new URLSearchParams({ triggerid: triggerId, eventid: eventId });
  return { sourceUrl: `${zabbixUrl}/tr_events.php?${query.toString()}` };
}

function readProblemOrRecovery(body: JsonObject): 'problem' | 'recovery' {
  const value = readIntegerParameter(body, 'event_value');
  if (value === 1) return 'problem';
  if (value === 0) return 'recovery';
  throw new PayloadError(
    value === undefined
      ? 'is required ({EVENT.VALUE}: 1 for a problem, 0 for its recovery)'
      : `expected 1 (problem) or 0 (recovery), got ${value}`,
    '$.event_value',
  );
}

/**
 * Parses what Alert Hub's Zabbix media type (`docs/alert-hub.media-type.yaml`) posts: its
 * parameters, macros expanded, as one flat object of strings. A problem fires, its recovery (same
 * `{EVENT.ID}`) resolves it; an update (acknowledgement, comment, severity change) is no new
 * problem and gives no event.
 */
export function parseZabbixWebhook(body: unknown, _context: ParseContext): ParsedEvent[] {
  const parameters = readObject(body, '$');
  const eventId = readParameter(parameters, 'event_id');
  if (eventId === undefined) {
    throw new PayloadError(
      'is required ({EVENT.ID}, the problem the event belongs to)',
      '$.event_id',
    );
  }
  const kind = readProblemOrRecovery(parameters);
  if (readIntegerParameter(parameters, 'event_update_status') === 1) return [];
  const utcOffset = readUtcOffset(readParameter(parameters, 'time_zone'), '$.time_zone') ?? 'Z';
  const startsAt = readDateTime(parameters, 'event_date', 'event_time', utcOffset);
  const endsAt =
    kind === 'recovery'
      ? readDateTime(parameters, 'recovery_date', 'recovery_time', utcOffset)
      : undefined;
  return [
    {
      status: kind === 'problem' ? 'firing' : 'resolved',
      alertKey: eventId,
      title: readParameter(parameters, 'event_name') ?? `Zabbix problem ${eventId}`,
      description: readParameter(parameters, 'trigger_description'),
      labels: readLabels(parameters),
      annotations: readAnnotations(parameters),
      startsAt,
      endsAt,
      eventTime: kind === 'recovery' ? endsAt : startsAt,
      links: readLinks(parameters, eventId),
      raw: parameters,
    },
  ];
}
