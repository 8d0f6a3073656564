import { describe, expect, it } from '@jest/globals';
import type { PushSummary } from '../../../events/normalized-event.js';
import type { HeartbeatBeats } from '../../../heartbeats/heartbeat-beats.service.js';
import { ingestRun } from '../../../testing/ingest-run.js';
import { normalizedEvent } from '../../../testing/normalized-event.js';
import { HeartbeatAfterPushStep } from './heartbeat-after-push.step.js';
import { HeartbeatBeatsStep } from './heartbeat-beats.step.js';
import { PingStep } from './ping.step.js';

const watchdog = normalizedEvent({ title: 'Watchdog' });
const disk = normalizedEvent({ title: 'Disk full' });
const heartbeats = {
  sortOut: (_integration: unknown, events: (typeof disk)[]) => ({
    beats: events.filter((event) => event.title === 'Watchdog').length,
    others: events.filter((event) => event.title !== 'Watchdog'),
  }),
  afterPush: (_i: unknown, _p: unknown, summary: PushSummary, beats: number) =>
    Promise.resolve({ ...summary, events: summary.events + beats, beats: beats > 0 ? 1 : 0 }),
  ping: () => Promise.resolve({ events: 0, stored: 0, deduplicated: 0, unrouted: 0, beats: 1 }),
} as unknown as HeartbeatBeats;

describe('heartbeat steps', () => {
  it('takes the beats out of the events before anything else sees them', () => {
    const run = ingestRun();
    run.events = [watchdog, disk];
    new HeartbeatBeatsStep(heartbeats).run(run);
    expect(run.beats).toBe(1);
    expect(run.events).toEqual([disk]);
  });

  it('counts the beats in the summary once the push is stored', async () => {
    const run = ingestRun();
    run.beats = 1;
    run.summary = { events: 1, stored: 1, deduplicated: 0, unrouted: 0, beats: 0 };
    await new HeartbeatAfterPushStep(heartbeats).run(run);
    expect(run.summary).toEqual({ events: 2, stored: 1, deduplicated: 0, unrouted: 0, beats: 1 });
  });

  it('answers a ping with a beat and ends the run; lets any other push go on', async () => {
    const ping = ingestRun({ push: { ping: true } });
    await new PingStep(heartbeats).run(ping);
    expect(ping.finished).toBe(true);
    expect(ping.summary?.beats).toBe(1);
    const push = ingestRun();
    await new PingStep(heartbeats).run(push);
    expect(push.finished).toBe(false);
  });
});
