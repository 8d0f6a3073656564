import { DateUtils } from 'typeorm';

/** The times whose ISO text has a four-digit year: 0000-01-01 to 9999-12-31, UTC. */
const FOUR_DIGIT_YEARS = { from: -62_167_219_200_000, to: 253_402_300_799_999 };

/**
 * A time as TypeORM stores a `datetime` column in SQLite: UTC text, to the millisecond
 * (`2026-11-01 10:00:05.000`). Cut from `toISOString()`, which gives the same text for four-digit
 * years: TypeORM's DateUtils pads seven parts one by one, a push writes a dozen times, and that
 * garbage alone was 3 KB per push. Other years (and invalid dates) still go through DateUtils.
 */
export function encodeSqliteTime(date: Date): string {
  const time = date.getTime();
  if (time >= FOUR_DIGIT_YEARS.from && time <= FOUR_DIGIT_YEARS.to) {
    const iso = date.toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  }
  return DateUtils.mixedDateToUtcDatetimeString(date) as string;
}

/** A `datetime` column of SQLite read back as TypeORM reads it: UTC unless a zone is given. */
export function decodeSqliteTime(value: unknown): Date {
  if (typeof value !== 'string') return new Date(value as number);
  let text = value;
  if (/^\d{4}-\d\d-\d\d \d\d:\d\d/.test(text)) text = text.replace(' ', 'T');
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{3})?)?$/.test(text)) text += 'Z';
  return new Date(text);
}
