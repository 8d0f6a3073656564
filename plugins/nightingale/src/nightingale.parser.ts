import {
  childPath,
  firstNonBlank,
  PayloadError,
  readArray,
  readInteger,
  readObjectList,
  readOptionalString,
  readString,
  readStringMap,
  readUnixSeconds,
  type JsonObject,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/**
 * `is_recovered` is a bool in the current events Nightingale sends and 0/1 in its history events;
 * both are read. A missing flag is a firing event, as Go writes `false` for an unset one.
 */
function readRecovered(value: unknown, path: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  const flag = readInteger(value, path);
  if (flag !== 0 && flag !== 1) {
    throw new PayloadError(`expected true, false, 0 or 1, got ${flag}`, path);
  }
  return flag === 1;
}

/** `tags_map`, else the `tags` list of `name=value` texts it is made from. */
function readTags(event: JsonObject, path: string): Record<string, string> {
  const tagsMap = readStringMap(event.tags_map, childPath(path, 'tags_map'));
  if (Object.keys(tagsMap).length > 0 || event.tags === undefined || event.tags === null) {
    return tagsMap;
  }
  const tagsPath = childPath(path, 'tags');
  const entries = readArray(event.tags, tagsPath).flatMap((tag, index) => {
    const text = readString(tag, childPath(tagsPath, index));
    const equals = text.indexOf('=');
    return equals > 0 ? [[text.slice(0, equals), text.slice(equals + 1)]] : [];
  });
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Rule annotations, with the event's severity level and value, where the severity map reads. */
function readAnnotations(event: JsonObject, path: string): Record<string, string> {
  const annotations = readStringMap(event.annotations, childPath(path, 'annotations'));
  if (event.severity !== undefined && event.severity !== null) {
    annotations.severity = String(readInteger(event.severity, childPath(path, 'severity')));
  }
  const triggerValue = readOptionalString(event.trigger_value, childPath(path, 'trigger_value'));
  if (triggerValue !== undefined) annotations.trigger_value = triggerValue;
  return annotations;
}

function parseEvent(event: JsonObject, path: string): ParsedEvent {
  const hashPath = childPath(path, 'hash');
  const alertKey = firstNonBlank(readOptionalString(event.hash, hashPath));
  if (alertKey === undefined) {
    throw new PayloadError(
      'is required (the alert series hash Nightingale keys events by)',
      hashPath,
    );
  }
  const recovered = readRecovered(event.is_recovered, childPath(path, 'is_recovered'));
  const annotations = readAnnotations(event, path);
  const triggeredAt = readUnixSeconds(event.trigger_time);
  const recoveredAt = recovered ? readUnixSeconds(event.recover_time) : undefined;
  return {
    status: recovered ? 'resolved' : 'firing',
    alertKey,
    title:
      firstNonBlank(readOptionalString(event.rule_name, childPath(path, 'rule_name'))) ??
      `Nightingale alert ${alertKey}`,
    description: firstNonBlank(
      readOptionalString(event.rule_note, childPath(path, 'rule_note')),
      annotations.summary,
      annotations.description,
    ),
    labels: readTags(event, path),
    annotations,
    startsAt: readUnixSeconds(event.first_trigger_time) ?? triggeredAt,
    endsAt: recoveredAt,
    eventTime: recovered ? recoveredAt : triggeredAt,
    raw: event,
  };
}

/**
 * Parses a Nightingale (n9e) webhook or callback: one event object, or an array of them (batch
 * sending and v8 callback channels), each giving one event.
 */
export function parseNightingaleWebhook(body: unknown, _context: ParseContext): ParsedEvent[] {
  // The SDK reads a missing list as empty; a Nightingale body is never missing.
  if (body === null)
    throw new PayloadError('expected an event or an array of events, got null', '$');
  return readObjectList(body, '$').map(({ object, path }) => parseEvent(object, path));
}
