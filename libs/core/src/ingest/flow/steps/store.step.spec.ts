import { describe, expect, it } from '@jest/globals';
import type { EventStore } from '../../../events/event-store.service.js';
import type { PushToStore } from '../../../events/normalized-event.js';
import { ingestRun } from '../../../testing/ingest-run.js';
import { normalizedEvent } from '../../../testing/normalized-event.js';
import type { IngestStep } from '../ingest-step.js';
import { StoreStep } from './store.step.js';

function recordingStore(pushes: PushToStore[]): EventStore {
  return {
    store: (push: PushToStore) => {
      pushes.push(push);
      return Promise.resolve({
        events: push.events.length,
        stored: push.events.length,
        deduplicated: 0,
        unrouted: 0,
        beats: 0,
      });
    },
  } as unknown as EventStore;
}

describe('StoreStep', () => {
  it('stores each event with the channels routing chose, and keeps the summary', async () => {
    const pushes: PushToStore[] = [];
    const run = ingestRun();
    const event = normalizedEvent();
    run.events = [event];
    run.channelIds = [['ch-1']];
    await new StoreStep(recordingStore(pushes)).run(run);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({
      integrationId: 'int-1',
      requestId: 'req-1',
      events: [{ event, channelIds: ['ch-1'] }],
    });
    expect(run.summary?.stored).toBe(1);
  });

  it('writes nothing for a push of beats alone', async () => {
    const pushes: PushToStore[] = [];
    const run = ingestRun();
    run.beats = 2;
    await new StoreStep(recordingStore(pushes)).run(run);
    expect(pushes).toEqual([]);
    expect(run.summary?.stored).toBe(0);
  });

  it('has no preview: a preview stores nothing', () => {
    const step: IngestStep = new StoreStep(recordingStore([]));
    expect(step.preview).toBeUndefined();
  });
});
