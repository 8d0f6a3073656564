import { DateUtils } from 'typeorm';

/** A time as TypeORM stores a `datetime` column in SQLite: UTC text, to the millisecond. */
export function encodeSqliteTime(date: Date): string {
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
