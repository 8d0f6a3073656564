/** An instant as the clocks of a time zone show it, to the minute. */
export interface WallClock {
  /** The local date, as days since 1970-01-01. */
  day: number;
  /** Minutes since the local midnight, 0 to 1439. */
  minute: number;
}

const DAY_MILLISECONDS = 86_400_000;

/** One formatter per zone: building one costs far more than using it, and zones are few. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall clock of `timeZone` at an instant, read through `Intl` (the runtime's tz database):
 * across a daylight saving change it shows what the clocks on the wall did, skipping or
 * repeating an hour. Throws a RangeError for a zone `Intl` does not know.
 */
export function wallClockAt(timeZone: string, epochMilliseconds: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(epochMilliseconds)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  return {
    day: Math.floor(Date.UTC(year, month - 1, day) / DAY_MILLISECONDS),
    minute: hour * 60 + minute,
  };
}

/** 0 for Sunday, as `getUTCDay`: 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` as days since 1970-01-01; the text was validated as a date. */
export function dayOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MILLISECONDS);
}

/** `HH:MM` (or `24:00`) as minutes since midnight. */
export function minuteOfTime(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}
