import { describe, expect, it } from '@jest/globals';
import { catchPayloadError } from '../testing/catch-payload-error.js';
import {
  readIsoTime,
  readLocalTime,
  readTime,
  readUnixSeconds,
  readUtcOffset,
  readZonedTime,
} from './payload-time.js';

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

describe('readIsoTime', () => {
  const isoTime = (value: unknown) => readIsoTime(value, '$.StateChangeTime')?.toISOString();

  it('reads an offset without its colon, as CloudWatch writes it, or as hours alone', () => {
    expect(isoTime('2019-02-15T23:53:45.093+0000')).toBe('2019-02-15T23:53:45.093Z');
    expect(isoTime('2019-02-16T07:53:45.093+0800')).toBe('2019-02-15T23:53:45.093Z');
    expect(isoTime('2019-02-15T20:23:45-0330')).toBe('2019-02-15T23:53:45.000Z');
    expect(isoTime('2019-02-16T07:53:45+08')).toBe('2019-02-15T23:53:45.000Z');
  });

  it('reads what readTime reads, and empty or missing as no time', () => {
    expect(isoTime('2019-02-15T23:53:45Z')).toBe('2019-02-15T23:53:45.000Z');
    expect(isoTime('2019-02-16T07:53:45+08:00')).toBe('2019-02-15T23:53:45.000Z');
    expect(isoTime('')).toBeUndefined();
    expect(isoTime(undefined)).toBeUndefined();
  });

  it('rejects other text, quoting it as sent', () => {
    expect(catchPayloadError(() => readIsoTime('2019-02-15 23:53', '$.t')).message).toBe(
      '$.t: expected an ISO 8601 time such as 2026-01-01T00:00:00+0000, got "2019-02-15 23:53"',
    );
    expect(catchPayloadError(() => readIsoTime('2019-02-15T23:53:45+2400', '$.t')).message).toBe(
      '$.t: expected an ISO 8601 time such as 2026-01-01T00:00:00+0000, got "2019-02-15T23:53:45+2400"',
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

describe('readUtcOffset', () => {
  it('reads Z and ±hh:mm offsets, and absent as undefined', () => {
    expect(readUtcOffset('+08:00', '$.tz')).toBe('+08:00');
    expect(readUtcOffset('-03:30', '$.tz')).toBe('-03:30');
    expect(readUtcOffset('Z', '$.tz')).toBe('Z');
    expect(readUtcOffset('', '$.tz')).toBeUndefined();
    expect(readUtcOffset(undefined, '$.tz')).toBeUndefined();
  });

  it('rejects zone names and offsets out of range at their path', () => {
    for (const value of ['Europe/Riga', '+8', '+24:00', '+05:60', 8]) {
      expect(catchPayloadError(() => readUtcOffset(value, '$.time_zone')).path).toBe('$.time_zone');
    }
    expect(catchPayloadError(() => readUtcOffset('CET', '$.tz')).message).toBe(
      '$.tz: expected a UTC offset such as +08:00 or Z, got "CET"',
    );
  });
});

describe('readLocalTime', () => {
  function local(value: unknown, utcOffset: string): string | undefined {
    return readLocalTime(value, '$.t', utcOffset)?.toISOString();
  }

  it('reads a date and time without a zone at the offset given', () => {
    expect(local('2024-06-03 08:15:42.127', 'Z')).toBe('2024-06-03T08:15:42.127Z');
    expect(local('2024.06.03 16:15:40', '+08:00')).toBe('2024-06-03T08:15:40.000Z');
    expect(local('2024-01-01 00:30:00', '-01:00')).toBe('2024-01-01T01:30:00.000Z');
  });

  it('reads empty and missing as no time', () => {
    expect(local('', 'Z')).toBeUndefined();
    expect(local(null, 'Z')).toBeUndefined();
  });

  it('rejects what is no such date and time', () => {
    for (const value of ['2024-06-03T08:15:42Z', '2024.02.30 10:00:00', '16:15:40', 1717400000]) {
      expect(catchPayloadError(() => readLocalTime(value, '$.t', 'Z')).path).toBe('$.t');
    }
    expect(catchPayloadError(() => readLocalTime('soon', '$.t', 'Z')).message).toBe(
      '$.t: expected a date and time such as 2026-01-01 00:00:00, got "soon"',
    );
  });
});

describe('readLocalTime, past the year 9999', () => {
  it('refuses a local time its offset carries into the year 10000', () => {
    expect(
      catchPayloadError(() => readLocalTime('9999-12-31 23:00:00', '$.t', '-12:00')).message,
    ).toBe('$.t: expected a time before the year 10000, got "9999-12-31 23:00:00"');
    expect(readLocalTime('9999-12-31 23:00:00', '$.t', '+12:00')?.toISOString()).toBe(
      '9999-12-31T11:00:00.000Z',
    );
  });
});

describe('readZonedTime', () => {
  function zoned(value: unknown, timeZone: string): string | undefined {
    return readZonedTime(value, '$.t', timeZone)?.toISOString();
  }

  it('reads a wall-clock time at the offset its zone had then', () => {
    expect(zoned('2021-05-05 04:37:00', 'Asia/Shanghai')).toBe('2021-05-04T20:37:00.000Z');
    expect(zoned('2024-01-15 12:00:00', 'Europe/Paris')).toBe('2024-01-15T11:00:00.000Z');
    expect(zoned('2024-07-15 12:00:00', 'Europe/Paris')).toBe('2024-07-15T10:00:00.000Z');
    expect(zoned('2024-07-15 12:00:00.250', 'America/St_Johns')).toBe('2024-07-15T14:30:00.250Z');
    expect(zoned('2024-07-15 12:00:00', 'UTC')).toBe('2024-07-15T12:00:00.000Z');
    // Shanghai's local mean time before 1901 is 8:05:43 ahead of UTC.
    expect(zoned('1900-01-01 08:05:43', 'Asia/Shanghai')).toBe('1900-01-01T00:00:00.000Z');
  });

  it('reads a time shown twice as the first, a skipped one as before the change', () => {
    expect(zoned('2024-10-27 02:30:00', 'Europe/Paris')).toBe('2024-10-27T00:30:00.000Z');
    expect(zoned('2024-11-03 01:30:00', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
    expect(zoned('2024-03-31 02:30:00', 'Europe/Paris')).toBe('2024-03-31T01:30:00.000Z');
    expect(zoned('2024-03-10 02:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
  });

  it('reads empty and missing as no time', () => {
    expect(zoned('', 'Asia/Shanghai')).toBeUndefined();
    expect(zoned(undefined, 'Asia/Shanghai')).toBeUndefined();
  });

  it('rejects what is no such date and time, or no time before the year 10000', () => {
    expect(catchPayloadError(() => readZonedTime('0', '$.t', 'Asia/Shanghai')).message).toBe(
      '$.t: expected a date and time such as 2026-01-01 00:00:00, got "0"',
    );
    expect(catchPayloadError(() => readZonedTime(20210505, '$.t', 'UTC')).path).toBe('$.t');
    expect(zoned('9999-12-31 23:59:59', 'Asia/Shanghai')).toBe('9999-12-31T15:59:59.000Z');
    expect(
      catchPayloadError(() => readZonedTime('9999-12-31 23:59:59', '$.t', 'America/New_York'))
        .message,
    ).toBe('$.t: expected a time before the year 10000, got "9999-12-31 23:59:59"');
  });
});
