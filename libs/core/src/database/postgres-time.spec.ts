import { describe, expect, it } from '@jest/globals';
import { postgresTime } from './postgres-time.js';

describe('postgresTime', () => {
  it('writes four-digit years as ISO 8601 in UTC', () => {
    expect(postgresTime(new Date('2026-11-01T10:00:05.007+02:00'))).toBe(
      '2026-11-01T08:00:05.007Z',
    );
    expect(postgresTime(new Date('0001-01-01T00:00:00Z'))).toBe('0001-01-01T00:00:00.000Z');
  });

  it('writes the year 0 and earlier as BC years, and years past 9999 in full', () => {
    expect(postgresTime(new Date('0000-02-29T10:00:00Z'))).toBe('0001-02-29T10:00:00.000Z BC');
    expect(postgresTime(new Date('-000001-06-01T00:00:00Z'))).toBe('0002-06-01T00:00:00.000Z BC');
    expect(postgresTime(new Date('+010000-01-01T00:00:00Z'))).toBe('10000-01-01T00:00:00.000Z');
  });
});
