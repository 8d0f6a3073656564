import {
  NEVER_RESOLVES,
  NEVER_RESOLVES_LABEL,
  childPath,
  firstNonBlank,
  readObject,
  readOptionalString,
  readString,
  readTime,
  type JsonObject,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/** `20181226T220114.058+0800`: ISO 8601's basic format, which system events are stamped in. */
const BASIC_ISO_TIME =
  /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\.\d+)?(?:([Zz])|([+-]\d{2}):?(\d{2}))$/;

/** The event's time, the basic format rewritten as RFC 3339 so the SDK reads and checks it. */
function readEventTime(value: unknown, path: string): Date | undefined {
  const text = readOptionalString(value, path);
  const match = text === undefined ? null : BASIC_ISO_TIME.exec(text);
  if (!match) return readTime(text, path);
  const [, year, month, day, hour, minute, second, fraction, zulu, offsetHour, offsetMinute] =
    match;
  const zone = zulu ?? `${offsetHour}:${offsetMinute}`;
  return readTime(
    `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction ?? ''}${zone}`,
    path,
  );
}

function readText(event: JsonObject, name: string): string | undefined {
  return readOptionalString(event[name], childPath('$', name));
}

/**
 * A system event (`Instance:StateChange`, …): one event. CloudMonitor never sends a resolve for
 * it, so it is marked as never resolving, which the severity map turns into an informational
 * alert. Its key is the event's name on its resource, not its `id`, which is new every time: the
 * next event of that kind on that resource updates the same alert instead of opening another.
 */
export function parseEventAlert(event: JsonObject): ParsedEvent {
  const name = readString(event.name, childPath('$', 'name'));
  const resourceId = readText(event, 'resourceId');
  const content =
    event.content === undefined || event.content === null
      ? undefined
      : readObject(event.content, childPath('$', 'content'));
  const shortResource = firstNonBlank(
    typeof content?.resourceId === 'string' ? content.resourceId : undefined,
    resourceId,
  );
  const labels: Record<string, string> = { eventName: name };
  for (const field of ['level', 'product', 'regionId', 'resourceId', 'userId'] as const) {
    const value = readText(event, field);
    if (value !== undefined) labels[field === 'level' ? 'eventLevel' : field] = value;
  }
  labels[NEVER_RESOLVES_LABEL] = NEVER_RESOLVES;
  const id = readText(event, 'id');
  return {
    status: 'firing',
    alertKey: [readText(event, 'product') ?? '', name, resourceId ?? ''].join('|'),
    title: shortResource === undefined ? name : `${name} on ${shortResource}`,
    description: content === undefined ? undefined : JSON.stringify(content),
    labels,
    annotations: id === undefined ? undefined : { eventId: id },
    eventTime: readEventTime(event.eventTime, childPath('$', 'eventTime')),
    raw: event,
  };
}
