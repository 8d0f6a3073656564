import { describe, expect, it } from '@jest/globals';
import { catchPayloadError } from '../testing/catch-payload-error.js';
import { readEpochTime } from './epoch-time.js';

function iso(value: unknown): string | undefined {
  return readEpochTime(value, '$.timestamp')?.toISOString();
}

describe('readEpochTime', () => {
  it('tells seconds from milliseconds by size, as numbers or text', () => {
    expect(iso(1508136760)).toBe('2017-10-16T06:52:40.000Z');
    expect(iso('1508136760')).toBe('2017-10-16T06:52:40.000Z');
    expect(iso('1685646149981')).toBe('2023-06-01T19:02:29.981Z');
    expect(iso(1685646149981)).toBe('2023-06-01T19:02:29.981Z');
    expect(iso(' 1508136760.5 ')).toBe('2017-10-16T06:52:40.500Z');
  });

  it('reads missing, null and empty as no time', () => {
    expect(iso(undefined)).toBeUndefined();
    expect(iso(null)).toBeUndefined();
    expect(iso('')).toBeUndefined();
  });

  it('refuses what is no epoch time between 2000 and 2100, at its path', () => {
    for (const value of ['soon', '2026-01-01', '-1', '0x1f', 'NaN', 42, 4102444800, true]) {
      expect(catchPayloadError(() => readEpochTime(value, '$.timestamp')).path).toBe('$.timestamp');
    }
    expect(catchPayloadError(() => readEpochTime('12', '$.t')).message).toBe(
      '$.t: expected Unix seconds or milliseconds between 2000 and 2100, got a string "12"',
    );
  });
});
