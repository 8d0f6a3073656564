import { describe, expect, it } from '@jest/globals';
import { catchPayloadError } from '../testing/catch-payload-error.js';
import { readTime, readUnixSeconds } from './payload-time.js';

function iso(value: unknown): string | undefined {
  return readTime(value, '$.t')?.toISOString();
}

describe('readTime', () => {
  it('reads RFC 3339 times with any zone and precision', () => {
    expect(iso('2026-11-22T10:34:05Z')).toBe('2026-11-22T10:34:05.000Z');
    expect(iso('2026-11-22T10:34:25.336655683Z')).toBe('2026-11-22T10:34:25.336Z');
    expect(iso('2022-11-24T19:31:00+08:00')).toBe('2022-11-24T11:31:00.000Z');
    expect(iso('2026-01-01T00:30:00.5-01:30')).toBe('2026-01-01T02:00:00.500Z');
  });

  it("reads Go's zero time, empty and missing as no time", () => {
    expect(iso('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(iso('0001-01-01T08:00:00+08:00')).toBeUndefined();
    expect(iso('')).toBeUndefined();
    expect(iso(null)).toBeUndefined();
    expect(iso(undefined)).toBeUndefined();
  });

  it('rejects what is not an RFC 3339 time', () => {
    for (const value of ['yesterday', '2026-02-30T00:00:00Z', '2026-11-22 10:34', '1795343989']) {
      expect(catchPayloadError(() => readTime(value, '$.alerts[0].startsAt')).path).toBe(
        '$.alerts[0].startsAt',
      );
    }
    expect(iso('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(catchPayloadError(() => readTime('9999-12-31T23:59:59-00:01', '$.t')).message).toBe(
      '$.t: expected a time before the year 10000, got "9999-12-31T23:59:59-00:01"',
    );
    expect(catchPayloadError(() => readTime(1795343989, '$.t')).message).toBe(
      '$.t: expected a string, got a number 1795343989',
    );
  });
});

describe('readUnixSeconds', () => {
  it('reads plain and scientific notation', () => {
    expect(readUnixSeconds('1.795343989271e+09')?.toISOString()).toBe('2026-11-22T10:39:49.271Z');
    expect(readUnixSeconds('1795343989')?.toISOString()).toBe('2026-11-22T10:39:49.000Z');
    expect(readUnixSeconds(1795343989.5)?.toISOString()).toBe('2026-11-22T10:39:49.500Z');
  });

  it('reads anything that is no sane time as undefined', () => {
    for (const value of [
      '',
      'soon',
      'NaN',
      'Infinity',
      '1e400',
      '-1',
      '1795343989271',
      '0x1f',
      {},
    ]) {
      expect(readUnixSeconds(value)).toBeUndefined();
    }
    expect(readUnixSeconds(undefined)).toBeUndefined();
  });
});
