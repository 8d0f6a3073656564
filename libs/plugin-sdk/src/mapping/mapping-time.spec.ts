import { describe, expect, it } from '@jest/globals';
import { PayloadError } from '../payload-error.js';
import { parsePath } from './mapping-grammar.js';
import {
  compileTimePattern,
  readMappingTime,
  readMappingTimeZone,
  type MappingTime,
  type TimeFormat,
} from './mapping-time.js';

function time(format: TimeFormat, zone = 'UTC', pattern?: string): MappingTime {
  return {
    path: parsePath('$.at'),
    format,
    zone: readMappingTimeZone(zone),
    ...(pattern !== undefined && { pattern: compileTimePattern(pattern) }),
  };
}

function iso(value: unknown, spec: MappingTime): string | undefined {
  return readMappingTime(value, spec, '$.at')?.toISOString();
}

describe('readMappingTime', () => {
  it('auto: numbers and digits are Unix seconds or milliseconds by size, text is ISO 8601', () => {
    expect(iso(1796544000, time('auto'))).toBe('2026-12-06T08:00:00.000Z');
    expect(iso('1796544000123', time('auto'))).toBe('2026-12-06T08:00:00.123Z');
    expect(iso('2026-12-06T09:00:00+01:00', time('auto'))).toBe('2026-12-06T08:00:00.000Z');
  });

  it('reads ISO 8601 without a zone in the mapping zone, summer time included', () => {
    expect(iso('2026-12-06 09:00:00', time('iso8601', 'Europe/Paris'))).toBe(
      '2026-12-06T08:00:00.000Z',
    );
    expect(iso('2026-07-01T09:00:00.5', time('iso8601', 'Europe/Paris'))).toBe(
      '2026-07-01T07:00:00.500Z',
    );
    expect(iso('2026-07-01T09:00:00', time('iso8601', '+05:30'))).toBe('2026-07-01T03:30:00.000Z');
    expect(iso('2026-07-01T09:00:00', time('iso8601'))).toBe('2026-07-01T09:00:00.000Z');
    expect(iso('2026-07-01T09:00:00+0200', time('iso8601', 'Asia/Tokyo'))).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(iso('2026-07-01T09:00:00-03', time('iso8601'))).toBe('2026-07-01T12:00:00.000Z');
  });

  it('reads a pattern of its own, with a fraction and the zone of the mapping', () => {
    const spec = time('pattern', 'America/New_York', 'DD/MM/YYYY HH:mm:ss.SSS');
    expect(iso('06/12/2026 03:00:00.25', spec)).toBe('2026-12-06T08:00:00.250Z');
    const minutes = time('pattern', 'Asia/Shanghai', 'YYYYMMDDTHHmm');
    expect(iso('20261206T1600', minutes)).toBe('2026-12-06T08:00:00.000Z');
  });

  it('reads a local time a clock change skips as before the change, one it repeats as the first', () => {
    const spec = time('iso8601', 'Europe/Paris');
    expect(iso('2026-03-29 02:30:00', spec)).toBe('2026-03-29T01:30:00.000Z');
    expect(iso('2026-03-29 03:30:00', spec)).toBe('2026-03-29T01:30:00.000Z');
    expect(iso('2026-10-25 02:30:00', spec)).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives no time for missing, null and empty, and refuses what it cannot read', () => {
    expect(iso(undefined, time('auto'))).toBeUndefined();
    expect(iso('', time('epoch'))).toBeUndefined();
    expect(() => iso('yesterday', time('auto'))).toThrow(PayloadError);
    expect(() => iso(12, time('epoch'))).toThrow('between 2000 and 2100');
    expect(() => iso('2026-02-30 10:00:00', time('iso8601'))).toThrow(PayloadError);
    expect(() => iso('06-12-2026', time('pattern', 'UTC', 'DD/MM/YYYY HH:mm'))).toThrow(
      "does not match the mapping's time pattern",
    );
    expect(() => iso({ at: 1 }, time('iso8601'))).toThrow(PayloadError);
  });
});

describe('compileTimePattern', () => {
  it('refuses letters that are no token, tokens twice, and patterns without the date and time', () => {
    expect(() => compileTimePattern('YYYY-MM-DD HH:mm Z')).toThrow('neither a token');
    expect(() => compileTimePattern('YYYY-MM-DD HH:mm YYYY')).toThrow('YYYY appears twice');
    expect(() => compileTimePattern('HH:mm:ss')).toThrow('lacks YYYY, MM, DD');
  });

  it('takes separators literally, regular expression characters included', () => {
    const pattern = compileTimePattern('YYYY.MM.DD (HH*mm)');
    expect(pattern.expression.test('2026.12.06 (08*00)')).toBe(true);
    expect(pattern.expression.test('2026x12x06 (08*00)')).toBe(false);
  });
});
