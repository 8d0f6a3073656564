import { describe, expect, it } from '@jest/globals';
import { DateUtils } from 'typeorm';
import { decodeSqliteTime, encodeSqliteTime } from './sqlite-time.js';

describe('encodeSqliteTime', () => {
  const times = [
    '2026-11-01T10:00:05.000Z',
    '2026-11-01T10:00:05.007Z',
    '1969-12-31T23:59:59.999Z',
    '0001-01-01T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
  ];

  it.each(times)('writes %s as TypeORM does', (time) => {
    const date = new Date(time);
    expect(encodeSqliteTime(date)).toBe(DateUtils.mixedDateToUtcDatetimeString(date));
    expect(decodeSqliteTime(encodeSqliteTime(date))).toEqual(date);
  });

  it('leaves years beyond four digits to TypeORM', () => {
    for (const date of [new Date('+010000-01-01T00:00:00Z'), new Date('-000001-06-01T00:00:00Z')]) {
      expect(encodeSqliteTime(date)).toBe(DateUtils.mixedDateToUtcDatetimeString(date));
    }
  });
});
