import { PayloadError } from '../payload-error.js';
import { quote } from './describe-value.js';
import { readString } from './payload-reader.js';
import { timeZoneOffsetMilliseconds } from './time-zone-offset.js';

const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Go's zero time means "no time": Alertmanager sends `0001-01-01T00:00:00Z` as the `endsAt` of
 * a firing alert. Go may print it in the sender's zone (a few hours either side), so any instant
 * before the year 2 is taken for it; no alert starts or ends in the year 1.
 */
const ZERO_TIME_LIMIT = new Date(0).setUTCFullYear(2, 0, 1);
/**
 * RFC 3339 has four-digit years, but a zone offset can carry `9999-12-31T23:59:59-23:59` into the
 * year 10000, which no database column of Alert Hub stores faithfully.
 */
const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Unix seconds outside 2000–2100 are no event time but a mistake (milliseconds, a counter). */
const UNIX_SECONDS_MIN = Date.UTC(2000, 0, 1) / 1000;
const UNIX_SECONDS_MAX = Date.UTC(2100, 0, 1) / 1000;

const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function utcMilliseconds(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): number | undefined {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read the years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return roundTrips ? date.getTime() : undefined;
}

function parseRfc3339(text: string): number | undefined {
  const match = RFC_3339.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHour, offsetMinute] =
    match;
  // Go sends nanoseconds; a Date holds milliseconds, so the rest is cut, never rounded up.
  const millisecond = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const local = utcMilliseconds(
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millisecond,
  );
  if (local === undefined) return undefined;
  if (zulu !== undefined) return local;
  if (Number(offsetHour) > 23 || Number(offsetMinute) > 59) return undefined;
  const offsetMinutes = Number(offsetHour) * 60 + Number(offsetMinute);
  return local - (sign === '-' ? -1 : 1) * offsetMinutes * 60_000;
}

/** The time `text` (as normalized) gives, or a PayloadError quoting `shown`, the text as sent. */
function timeOf(text: string, shown: string, path: string, example: string): Date | undefined {
  const milliseconds = parseRfc3339(text);
  if (milliseconds === undefined) {
    throw new PayloadError(`expected ${example}, got ${quote(shown)}`, path);
  }
  if (milliseconds > LATEST_TIME) {
    throw new PayloadError(`expected a time before the year 10000, got ${quote(shown)}`, path);
  }
  return milliseconds < ZERO_TIME_LIMIT ? undefined : new Date(milliseconds);
}

/**
 * An RFC 3339 time such as `2026-11-22T10:34:25.336655683Z`. Missing, empty and Go's zero time
 * read as undefined; anything else that is not such a time is an error.
 */
export function readTime(value: unknown, path: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = readString(value, path);
  return timeOf(text, text, path, 'an RFC 3339 time such as 2026-01-01T00:00:00Z');
}

/** A date-time whose zone is written `+hhmm` or `+hh`: ISO 8601's basic form of the offset. */
const BASIC_OFFSET = /^(.+[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(\d{2})?$/;

/**
 * An ISO 8601 time whose zone may also be written without the colon, as Java and AWS CloudWatch
 * write it (`2019-02-15T23:53:45.093+0000`), or as hours alone (`+08`); `Z` and `+08:00` read as
 * in {@link readTime}. Missing and empty read as undefined; anything else is an error.
 */
export function readIsoTime(value: unknown, path: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = readString(value, path);
  const basic = BASIC_OFFSET.exec(text);
  const normalized = basic ? `${basic[1]}${basic[2]}:${basic[3] ?? '00'}` : text;
  return timeOf(normalized, text, path, 'an ISO 8601 time such as 2026-01-01T00:00:00+0000');
}

/**
 * Unix seconds, plain (`1795343989`, `1795343989.271`) or in the scientific notation Prometheus
 * templates print (`1.795343989271e+09`). It comes from an annotation a user wrote, so a value that
 * is no sane time reads as undefined instead of rejecting the whole push.
 */
export function readUnixSeconds(value: unknown): Date | undefined {
  let seconds: number;
  if (typeof value === 'number') {
    seconds = value;
  } else if (typeof value === 'string' && DECIMAL_NUMBER.test(value.trim())) {
    seconds = Number(value.trim());
  } else {
    return undefined;
  }
  if (!Number.isFinite(seconds) || seconds < UNIX_SECONDS_MIN || seconds >= UNIX_SECONDS_MAX) {
    return undefined;
  }
  return new Date(Math.round(seconds * 1000));
}

const UTC_OFFSET = /^(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** A date and time with no zone: `2024-06-03 08:15:42.127`, or Zabbix's `2024.06.03 16:15:40`. */
const LOCAL_DATE_TIME = /^(\d{4})[-.](\d{2})[-.](\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/** A UTC offset, `+08:00` or `Z`, for times a source sends without one. Empty reads as absent. */
export function readUtcOffset(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = readString(value, path);
  if (!UTC_OFFSET.test(text)) {
    throw new PayloadError(`expected a UTC offset such as +08:00 or Z, got ${quote(text)}`, path);
  }
  return text;
}

/**
 * A date and time a source writes without its zone, read at `utcOffset` (from
 * {@link readUtcOffset}): Uptime Kuma's UTC `heartbeat.time`, Zabbix's `{EVENT.DATE} {EVENT.TIME}`.
 */
export function readLocalTime(value: unknown, path: string, utcOffset: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = readString(value, path);
  const match = LOCAL_DATE_TIME.exec(text.trim());
  const milliseconds = match
    ? parseRfc3339(`${match[1]}-${match[2]}-${match[3]}T${match[4]}${utcOffset}`)
    : undefined;
  if (milliseconds === undefined) {
    throw new PayloadError(
      `expected a date and time such as 2026-01-01 00:00:00, got ${quote(text)}`,
      path,
    );
  }
  // `9999-12-31 23:00:00` at `-12:00` is in the year 10000, which no column stores faithfully.
  if (milliseconds > LATEST_TIME) {
    throw new PayloadError(`expected a time before the year 10000, got ${quote(text)}`, path);
  }
  return new Date(milliseconds);
}

const DAY_MILLISECONDS = 86_400_000;

/**
 * A date and time a source writes as the wall clock of an IANA zone (an integration's `timezone`
 * setting): `2021-05-05 04:37:00` in `Asia/Shanghai` is `2021-05-04T20:37:00Z`. Across a daylight
 * saving change, a time the clocks showed twice reads as the first of the two, and a time they
 * skipped as if the change had not happened yet (`02:30` on the spring night in Paris is `03:30`
 * summer time).
 */
export function readZonedTime(value: unknown, path: string, timeZone: string): Date | undefined {
  const wallClock = readLocalTime(value, path, 'Z')?.getTime();
  if (wallClock === undefined) return undefined;
  // The zone's offsets a day either side: equal but at a change, whose instant cannot be read
  // from a wall-clock time that may not exist.
  const offsetBefore = timeZoneOffsetMilliseconds(timeZone, wallClock - DAY_MILLISECONDS);
  const offsetAfter = timeZoneOffsetMilliseconds(timeZone, wallClock + DAY_MILLISECONDS);
  const milliseconds =
    [wallClock - offsetBefore, wallClock - offsetAfter].find(
      (candidate) => wallClock - timeZoneOffsetMilliseconds(timeZone, candidate) === candidate,
    ) ?? wallClock - offsetBefore;
  if (milliseconds > LATEST_TIME) {
    const text = readString(value, path);
    throw new PayloadError(`expected a time before the year 10000, got ${quote(text)}`, path);
  }
  return new Date(milliseconds);
}
