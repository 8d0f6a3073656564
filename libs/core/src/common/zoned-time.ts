/** An instant as the clocks and calendars of a time zone show it, to the second. */
export interface ZonedTime {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  /** 0 to 23. */
  hour: number;
  minute: number;
  second: number;
}

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
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local time of `timeZone` at an instant, read through `Intl` (the runtime's tz database):
 * across a daylight saving change it shows what the clocks on the wall did, skipping or
 * repeating an hour. Throws a RangeError for a zone `Intl` does not know.
 */
export function zonedTime(timeZone: string, epochMilliseconds: number): ZonedTime {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(epochMilliseconds)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return { year, month, day, hour, minute, second };
}
