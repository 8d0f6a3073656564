import { describe, expect, it } from '@jest/globals';
import type { ActiveSilences } from '../../../silences/active-silences.js';
import { compileSilence, SilenceIndex } from '../../../silences/compiled-silence.js';
import { PushSilencing } from '../../../silences/push-silencing.js';
import type { SilenceMode } from '../../../silences/silence.js';
import { ingestRun } from '../../../testing/ingest-run.js';
import { normalizedEvent } from '../../../testing/normalized-event.js';
import { SilenceStep } from './silence.step.js';

function stepWith(mode: SilenceMode) {
  const index = new SilenceIndex([
    compileSilence({
      id: 'silence-1',
      reason: 'db maintenance',
      conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
      scope: { type: 'all' },
      schedule: { type: 'once', start: '2026-11-01T09:00:00Z', end: '2026-11-01T11:00:00Z' },
      mode,
      expiresAt: null,
    }),
  ]);
  const matched: string[] = [];
  const active = {
    index: () => Promise.resolve(index),
    recordMatches: (silences: Iterable<{ id: string }>) => {
      for (const { id } of silences) matched.push(id);
    },
  } as unknown as ActiveSilences;
  return { step: new SilenceStep(new PushSilencing(active)), matched };
}

function routedRun() {
  const run = ingestRun();
  run.events = [
    normalizedEvent({ labels: { team: 'db' } }),
    normalizedEvent({ labels: { team: 'web' } }),
  ];
  run.channelIds = [['ch-1'], ['ch-1']];
  return run;
}

describe('SilenceStep', () => {
  it('marks the copies a mark silence takes, and counts them for the metrics', async () => {
    const { step, matched } = stepWith('mark');
    const run = routedRun();
    await step.run(run);
    expect(run.events).toHaveLength(2);
    expect(run.silenceMarks).toEqual([new Map([['ch-1', 'silence-1']]), undefined]);
    expect(run.silenced).toEqual({ marked: 1, dropped: 0 });
    expect(run.note).toBeNull();
    expect(matched).toEqual(['silence-1']);
  });

  it('drops what a drop silence takes, and the push log note names the silence', async () => {
    const { step } = stepWith('drop');
    const run = routedRun();
    await step.run(run);
    expect(run.events.map((event) => event.labels.team)).toEqual(['web']);
    expect(run.channelIds).toEqual([['ch-1']]);
    expect(run.droppedEvents).toBe(1);
    expect(run.note).toBe('1 event dropped by silence silence-1 ("db maintenance")');
  });

  it('changes nothing when no silence takes an event', async () => {
    const { step } = stepWith('drop');
    const run = ingestRun({ push: { receivedAt: new Date('2026-11-01T12:00:00Z') } });
    run.events = [normalizedEvent({ labels: { team: 'db' } })];
    run.channelIds = [['ch-1']];
    await step.run(run);
    expect(run.events).toHaveLength(1);
    expect(run.silenced).toBeUndefined();
  });
});
