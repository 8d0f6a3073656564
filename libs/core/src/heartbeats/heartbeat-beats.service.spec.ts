import { describe, expect, it } from '@jest/globals';
import type { NormalizedEvent } from '../events/normalized-event.js';
import { nothingStored } from '../events/normalized-event.js';
import { parseHeartbeat, type HeartbeatInput } from '../integrations/heartbeat-settings.js';
import type { BeatOutcome, IntegrationHeartbeats } from '../integrations/integration-heartbeats.js';
import type { Integration } from '../integrations/integration.entity.js';
import { normalizedEvent } from '../testing/normalized-event.js';
import type { HeartbeatAlerts } from './heartbeat-alerts.js';
import { HeartbeatBeats } from './heartbeat-beats.service.js';
import { NoPingHeartbeatError } from './no-ping-heartbeat.error.js';

const WATCHDOG = { field: 'labels.alertname', operator: 'equals', value: 'Watchdog' } as const;
const missedAt = new Date('2026-12-01T10:00:00Z');
const at = new Date('2026-12-01T10:07:00Z');

function integrationWith(heartbeat: HeartbeatInput | null, enabled = true): Integration {
  return {
    id: 'integration-1',
    name: 'nightly backup',
    pluginId: 'prometheus',
    enabled,
    autoResolveAfterSeconds: 3600,
    lastBeatAt: null,
    heartbeat: heartbeat && parseHeartbeat(heartbeat),
  } as Integration;
}

/** Fakes of the state store and of the alert store: what the beats do, without a database. */
function beatsWith(outcome: BeatOutcome, storeFails = false) {
  const recorded: Array<{ integrationId: string; at: Date }> = [];
  const restored: Array<{ missedAt: Date; lastBeatAt: Date | null }> = [];
  const stored: NormalizedEvent[] = [];
  const states = {
    recordBeat: (integrationId: string, _heartbeat: unknown, beatAt: Date) => {
      recorded.push({ integrationId, at: beatAt });
      return Promise.resolve(outcome);
    },
    restoreMiss: (_id: string, missed: Date, lastBeatAt: Date | null) => {
      restored.push({ missedAt: missed, lastBeatAt });
      return Promise.resolve();
    },
  } as unknown as IntegrationHeartbeats;
  const alerts = {
    store: (_integration: Integration, event: NormalizedEvent) => {
      if (storeFails) return Promise.reject(new Error('database is away'));
      stored.push(event);
      return Promise.resolve();
    },
  } as unknown as HeartbeatAlerts;
  return { beats: new HeartbeatBeats(states, alerts), recorded, restored, stored };
}

const push = { receivedAt: at, requestId: 'request-1' };
const watchdog = normalizedEvent({ labels: { alertname: 'Watchdog' }, alertKey: 'watchdog' });
const diskFull = normalizedEvent({ labels: { alertname: 'DiskFull' }, alertKey: 'disk' });

describe('HeartbeatBeats', () => {
  it('sorts out the events matching the conditions of a watched heartbeat of source events', () => {
    const { beats } = beatsWith({ kind: 'recorded' });
    const events = [watchdog, diskFull, watchdog];
    const byEvents = integrationWith({
      intervalSeconds: 60,
      source: 'events',
      conditions: [WATCHDOG],
    });
    expect(beats.sortOut(byEvents, events)).toEqual({ beats: 2, others: [diskFull] });
    for (const integration of [
      integrationWith({ intervalSeconds: 60, source: 'push' }),
      integrationWith({
        intervalSeconds: 60,
        source: 'events',
        conditions: [WATCHDOG],
        enabled: false,
      }),
      integrationWith({ intervalSeconds: 60, source: 'events', conditions: [WATCHDOG] }, false),
      integrationWith(null),
    ]) {
      expect(beats.sortOut(integration, events)).toEqual({ beats: 0, others: events });
    }
  });

  it('records one beat per push, and counts it in the summary', async () => {
    const { beats, recorded } = beatsWith({ kind: 'recorded' });
    const byEvents = integrationWith({
      intervalSeconds: 60,
      source: 'events',
      conditions: [WATCHDOG],
    });
    const summary = await beats.afterPush(byEvents, push, nothingStored(), 3);
    expect(summary).toEqual({ events: 3, stored: 0, deduplicated: 0, unrouted: 0, beats: 3 });
    const byPush = integrationWith({ intervalSeconds: 60, source: 'push' });
    const stored = { ...nothingStored(), events: 2, stored: 2 };
    expect(await beats.afterPush(byPush, push, stored, 0)).toMatchObject({ events: 2, beats: 1 });
    const byPing = integrationWith({ intervalSeconds: 60, source: 'ping' });
    expect(await beats.afterPush(byPing, push, nothingStored(), 0)).toMatchObject({ beats: 0 });
    expect(recorded).toEqual([
      { integrationId: 'integration-1', at },
      { integrationId: 'integration-1', at },
    ]);
  });

  it('resolves the alert of a miss the beat ended, at the beat', async () => {
    const { beats, stored } = beatsWith({ kind: 'recovered', missedAt });
    const byPing = integrationWith({ intervalSeconds: 60, source: 'ping' });
    expect(await beats.ping(byPing, at, 'request-1')).toMatchObject({ beats: 1 });
    expect(stored).toEqual([
      expect.objectContaining({ status: 'resolved', startsAt: missedAt, endsAt: at }),
    ]);
  });

  it('puts the miss back when its resolution cannot be stored, so the retried beat resolves it', async () => {
    const { beats, restored } = beatsWith({ kind: 'recovered', missedAt }, true);
    const byPing = integrationWith({ intervalSeconds: 60, source: 'ping' });
    await expect(beats.ping(byPing, at, 'request-1')).rejects.toThrow('database is away');
    expect(restored).toEqual([{ missedAt, lastBeatAt: at }]);
  });

  it('refuses a ping unless the heartbeat is an enabled one of source ping', async () => {
    const { beats, recorded } = beatsWith({ kind: 'recorded' });
    for (const integration of [
      integrationWith(null),
      integrationWith({ intervalSeconds: 60, source: 'push' }),
      integrationWith({ intervalSeconds: 60, source: 'ping', enabled: false }),
    ]) {
      await expect(beats.ping(integration, at, 'request-1')).rejects.toBeInstanceOf(
        NoPingHeartbeatError,
      );
    }
    expect(recorded).toEqual([]);
  });
});
