import { describe, expect, it } from '@jest/globals';
import { compileSchedule, scheduleEnd } from './silence-schedule.js';
import type { WeeklySchedule } from './silence.js';

const at = (iso: string) => Date.parse(iso);

function weekly(overrides: Partial<WeeklySchedule> = {}): WeeklySchedule {
  return {
    type: 'weekly',
    timezone: 'Europe/Berlin',
    windows: [{ days: ['fri'], start: '22:00', end: '02:00' }],
    lastDate: null,
    ...overrides,
  };
}

describe('compileSchedule', () => {
  it('holds a once schedule from its start, inclusive, to its end, exclusive', () => {
    const holds = compileSchedule({
      type: 'once',
      start: '2026-11-01T10:00:00.000Z',
      end: '2026-11-01T12:00:00.000Z',
    });
    expect(holds(at('2026-11-01T09:59:59.999Z'))).toBe(false);
    expect(holds(at('2026-11-01T10:00:00Z'))).toBe(true);
    expect(holds(at('2026-11-01T11:59:59.999Z'))).toBe(true);
    expect(holds(at('2026-11-01T12:00:00Z'))).toBe(false);
  });

  it('runs a window across midnight from Friday 22:00 to Saturday 02:00, local time', () => {
    // Berlin is UTC+1 in November: Friday 2026-11-06 22:00 is 21:00Z.
    const holds = compileSchedule(weekly());
    expect(holds(at('2026-11-06T20:59:00Z'))).toBe(false);
    expect(holds(at('2026-11-06T21:00:00Z'))).toBe(true);
    expect(holds(at('2026-11-06T23:30:00Z'))).toBe(true); // Saturday 00:30
    expect(holds(at('2026-11-07T00:59:59Z'))).toBe(true); // Saturday 01:59:59
    expect(holds(at('2026-11-07T01:00:00Z'))).toBe(false); // Saturday 02:00
    expect(holds(at('2026-11-05T21:30:00Z'))).toBe(false); // Thursday 22:30
    expect(holds(at('2026-11-07T21:30:00Z'))).toBe(false); // Saturday 22:30
    expect(holds(at('2026-11-13T21:30:00Z'))).toBe(true); // the next Friday
  });

  it('lasts one hour of real time on the spring-forward night (01:30–03:30, Berlin)', () => {
    // 2026-03-29: at 01:00Z the clocks jump from 02:00 CET to 03:00 CEST.
    const holds = compileSchedule(
      weekly({ windows: [{ days: ['sun'], start: '01:30', end: '03:30' }] }),
    );
    expect(holds(at('2026-03-29T00:29:00Z'))).toBe(false); // 01:29 CET
    expect(holds(at('2026-03-29T00:30:00Z'))).toBe(true); // 01:30 CET
    expect(holds(at('2026-03-29T00:59:00Z'))).toBe(true); // 01:59 CET
    expect(holds(at('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
    expect(holds(at('2026-03-29T01:29:00Z'))).toBe(true); // 03:29 CEST
    expect(holds(at('2026-03-29T01:30:00Z'))).toBe(false); // 03:30 CEST
  });

  it('lasts three hours of real time on the fall-back night (01:30–03:30, Berlin)', () => {
    // 2026-10-25: at 01:00Z the clocks go back from 03:00 CEST to 02:00 CET.
    const holds = compileSchedule(
      weekly({ windows: [{ days: ['sun'], start: '01:30', end: '03:30' }] }),
    );
    expect(holds(at('2026-10-24T23:29:00Z'))).toBe(false); // 01:29 CEST
    expect(holds(at('2026-10-24T23:30:00Z'))).toBe(true); // 01:30 CEST
    expect(holds(at('2026-10-25T00:30:00Z'))).toBe(true); // 02:30 CEST
    expect(holds(at('2026-10-25T01:30:00Z'))).toBe(true); // 02:30 CET, the second time
    expect(holds(at('2026-10-25T02:29:00Z'))).toBe(true); // 03:29 CET
    expect(holds(at('2026-10-25T02:30:00Z'))).toBe(false); // 03:30 CET
  });

  it('reads each instant in the zone, not in UTC (New York, across its DST change)', () => {
    // Weekdays 09:00–17:00 in New York: 14:00Z in winter, 13:00Z in summer.
    const holds = compileSchedule(
      weekly({
        timezone: 'America/New_York',
        windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
      }),
    );
    expect(holds(at('2026-03-06T13:30:00Z'))).toBe(false); // Friday 08:30 EST
    expect(holds(at('2026-03-09T13:30:00Z'))).toBe(true); // Monday 09:30 EDT
    expect(holds(at('2026-03-08T15:00:00Z'))).toBe(false); // Sunday
  });

  it('opens windows until the last date; one opened then runs to its end', () => {
    const holds = compileSchedule(weekly({ lastDate: '2026-11-06' }));
    expect(holds(at('2026-11-06T21:30:00Z'))).toBe(true);
    expect(holds(at('2026-11-07T00:30:00Z'))).toBe(true); // Saturday 01:30, still that window
    expect(holds(at('2026-11-13T21:30:00Z'))).toBe(false); // the next Friday
    const before = compileSchedule(weekly({ lastDate: '2026-11-05' }));
    expect(before(at('2026-11-06T21:30:00Z'))).toBe(false);
  });

  it('takes 24:00 as the end of the day, and a whole day as 00:00 to 24:00', () => {
    const holds = compileSchedule(
      weekly({ timezone: 'UTC', windows: [{ days: ['sat'], start: '00:00', end: '24:00' }] }),
    );
    expect(holds(at('2026-11-07T00:00:00Z'))).toBe(true);
    expect(holds(at('2026-11-07T23:59:59Z'))).toBe(true);
    expect(holds(at('2026-11-08T00:00:00Z'))).toBe(false);
  });
});

describe('scheduleEnd', () => {
  it('is the end of a once schedule', () => {
    expect(
      scheduleEnd({ type: 'once', start: '2026-11-01T10:00:00Z', end: '2026-11-01T12:00:00Z' }),
    ).toEqual(new Date('2026-11-01T12:00:00Z'));
  });

  it('is the close of the last window that can open on the last date, in the zone', () => {
    expect(scheduleEnd(weekly({ lastDate: '2026-11-06' }))).toEqual(
      new Date('2026-11-07T01:00:00Z'),
    );
  });

  it('is never for a weekly schedule without a last date', () => {
    expect(scheduleEnd(weekly())).toBeNull();
  });
});
