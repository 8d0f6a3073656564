import { zonedTime } from '../common/zoned-time.js';

/** An instant as the clocks of a time zone show it, to the minute. */
export interface WallClock {
  /** The local date, as days since 1970-01-01. */
  day: number;
  /** Minutes since the local midnight, 0 to 1439. */
  minute: number;
}

const DAY_MILLISECONDS = 86_400_000;

/**
 * The wall clock of `timeZone` at an instant, read through `Intl` (the runtime's tz database):
 * across a daylight saving change it shows what the clocks on the wall did, skipping or
 * repeating an hour. Throws a RangeError for a zone `Intl` does not know.
 */
export function wallClockAt(timeZone: string, epochMilliseconds: number): WallClock {
  const { year, month, day, hour, minute } = zonedTime(timeZone, epochMilliseconds);
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
