import { describe, expect, it } from '@jest/globals';
import { isTimeZoneName, utcOffsetAt } from './zoned-time.js';

describe('utcOffsetAt', () => {
  it('gives the offset in force at a local time, summer time included', () => {
    expect(utcOffsetAt('Europe/Paris', Date.UTC(2026, 0, 15, 12))).toBe('+01:00');
    expect(utcOffsetAt('Europe/Paris', Date.UTC(2026, 6, 15, 12))).toBe('+02:00');
    expect(utcOffsetAt('America/St_Johns', Date.UTC(2026, 0, 15, 12))).toBe('-03:30');
    expect(utcOffsetAt('UTC', Date.UTC(2026, 0, 15, 12))).toBe('+00:00');
  });
});

describe('isTimeZoneName', () => {
  it('knows IANA names and nothing else', () => {
    expect(isTimeZoneName('Asia/Shanghai')).toBe(true);
    expect(isTimeZoneName('Mars/Olympus')).toBe(false);
  });
});
