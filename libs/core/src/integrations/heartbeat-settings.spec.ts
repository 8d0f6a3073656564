import { describe, expect, it } from '@jest/globals';
import { InvalidParameterError } from '../common/api-error.js';
import { heartbeatDueAt, isWatched, parseHeartbeat } from './heartbeat-settings.js';

const WATCHDOG = { field: 'labels.alertname', operator: 'equals', value: 'Watchdog' } as const;

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.details as string[];
    throw error;
  }
  throw new Error('expected a 400');
}

describe('parseHeartbeat', () => {
  it('fills in the defaults: enabled, a minute of grace, no conditions', () => {
    expect(parseHeartbeat({ intervalSeconds: 300, source: 'ping' })).toEqual({
      enabled: true,
      intervalSeconds: 300,
      graceSeconds: 60,
      source: 'ping',
      conditions: [],
    });
  });

  it('keeps the conditions of the source events in their typed form', () => {
    const parsed = parseHeartbeat({
      intervalSeconds: 60,
      graceSeconds: 0,
      source: 'events',
      conditions: [WATCHDOG, { field: 'labels.env', operator: 'in', values: ['prod'] }],
      enabled: false,
    });
    expect(parsed).toEqual({
      enabled: false,
      intervalSeconds: 60,
      graceSeconds: 0,
      source: 'events',
      conditions: [WATCHDOG, { field: 'labels.env', operator: 'in', values: ['prod'] }],
    });
  });

  it('names each condition the routing grammar refuses, and conditions of other sources', () => {
    expect(
      problemsOf(() =>
        parseHeartbeat({
          intervalSeconds: 60,
          source: 'events',
          conditions: [WATCHDOG, { field: 'labels.x', operator: 'regex', value: '(' }],
        }),
      ),
    ).toEqual([expect.stringMatching(/^heartbeat\.conditions\[1\]: value is not a usable/)]);
    expect(
      problemsOf(() =>
        parseHeartbeat({ intervalSeconds: 60, source: 'push', conditions: [WATCHDOG] }),
      ),
    ).toEqual(['heartbeat.conditions: only the source events takes conditions, not push']);
  });
});

describe('heartbeatDueAt and isWatched', () => {
  const heartbeat = parseHeartbeat({ intervalSeconds: 300, graceSeconds: 30, source: 'push' });

  it('give a beat interval plus grace', () => {
    const beat = new Date('2026-12-01T10:00:00Z');
    expect(heartbeatDueAt(heartbeat, beat)).toEqual(new Date('2026-12-01T10:05:30Z'));
  });

  it('watch an enabled heartbeat of an enabled integration only', () => {
    expect(isWatched({ enabled: true, heartbeat })).toBe(true);
    expect(isWatched({ enabled: false, heartbeat })).toBe(false);
    expect(isWatched({ enabled: true, heartbeat: { ...heartbeat, enabled: false } })).toBe(false);
    expect(isWatched({ enabled: true, heartbeat: null })).toBe(false);
  });
});
