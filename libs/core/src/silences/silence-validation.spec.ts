import { describe, expect, it } from '@jest/globals';
import { InvalidParameterError } from '../common/api-error.js';
import { parseSilence, type SilenceInput } from './silence-validation.js';

function input(overrides: Partial<SilenceInput> = {}): SilenceInput {
  return {
    reason: 'maintenance',
    conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
    scope: { type: 'all' },
    schedule: {
      type: 'weekly',
      timezone: 'Europe/Berlin',
      windows: [{ days: ['fri', 'fri'], start: '22:00', end: '02:00' }],
    },
    ...overrides,
  };
}

function problemsOf(given: SilenceInput): string[] {
  try {
    parseSilence(given);
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.details as string[];
    throw error;
  }
  return [];
}

describe('parseSilence', () => {
  it('gives the typed silence: mode mark by default, days once each, no expiry', () => {
    expect(parseSilence(input())).toEqual({
      reason: 'maintenance',
      conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
      scope: { type: 'all' },
      schedule: {
        type: 'weekly',
        timezone: 'Europe/Berlin',
        windows: [{ days: ['fri'], start: '22:00', end: '02:00' }],
        lastDate: null,
      },
      mode: 'mark',
      expiresAt: null,
    });
  });

  it('stores a once schedule as ISO instants', () => {
    const silence = parseSilence(
      input({
        schedule: {
          type: 'once',
          start: new Date('2026-11-01T10:00:00+01:00'),
          end: new Date('2026-11-01T12:00:00+01:00'),
        },
      }),
    );
    expect(silence.schedule).toEqual({
      type: 'once',
      start: '2026-11-01T09:00:00.000Z',
      end: '2026-11-01T11:00:00.000Z',
    });
  });

  it('names every problem: conditions as routing checks them, scope and schedule fields', () => {
    const problems = problemsOf(
      input({
        conditions: [{ field: 'labels.x', operator: 'regex', value: '(' }],
        scope: { type: 'integration' },
        schedule: {
          type: 'weekly',
          timezone: 'Mars/Olympus',
          windows: [{ days: ['mon'], start: '10:00', end: '10:00' }],
          lastDate: '2026-02-30',
        },
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^conditions\[0\]: value is not a usable regular expression/),
      'scope: integration needs integrationId',
      'schedule: unknown time zone "Mars/Olympus"',
      'schedule.windows[0]: start and end are the same; a whole day is 00:00 to 24:00',
      'schedule: lastDate 2026-02-30 is no calendar date',
    ]);
  });

  it('refuses a once schedule that ends before it starts, or has weekly fields', () => {
    expect(
      problemsOf(
        input({
          schedule: {
            type: 'once',
            start: new Date('2026-11-01T12:00:00Z'),
            end: new Date('2026-11-01T10:00:00Z'),
            timezone: 'UTC',
          },
        }),
      ),
    ).toEqual([
      'schedule: once takes no timezone, windows nor lastDate',
      'schedule: end must be after start',
    ]);
  });
  it('reads a null field as an absent one: named as missing, never a crash', () => {
    expect(
      problemsOf(
        input({ schedule: { type: 'once', start: new Date('2026-11-01T10:00:00Z'), end: null } }),
      ),
    ).toEqual(['schedule: once needs start and end']);
    expect(
      problemsOf(input({ schedule: { type: 'weekly', timezone: null, windows: null } })),
    ).toEqual(['schedule: weekly needs a timezone', 'schedule: weekly needs windows']);
  });
});
