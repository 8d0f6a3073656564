import { describe, expect, it } from '@jest/globals';
import type { PushSummary, PushToStore } from '../../events/normalized-event.js';
import { PostgresGroupCommit } from './postgres-group-commit.js';

function push(requestId: string): PushToStore {
  return {
    integrationId: 'integration-1',
    pluginId: 'prometheus',
    requestId,
    receivedAt: new Date('2026-11-01T10:00:00Z'),
    autoResolveAfterSeconds: 3600,
    events: [],
  };
}

const summary: PushSummary = { events: 0, stored: 0, deduplicated: 0, unrouted: 0, beats: 0 };

describe('PostgresGroupCommit', () => {
  it('writes the pushes that wait together as one batch', async () => {
    const batches: string[][] = [];
    const groupCommit = new PostgresGroupCommit((pushes: PushToStore[]) => {
      batches.push(pushes.map((p) => p.requestId));
      return Promise.resolve(pushes.map(() => summary));
    }, 1);
    await Promise.all(['a', 'b', 'c'].map((id) => groupCommit.run(push(id))));
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('fails a bad push alone: the others of its batch are written again and stored', async () => {
    const committed: string[] = [];
    const groupCommit = new PostgresGroupCommit((pushes: PushToStore[]) => {
      if (pushes.some((p) => p.requestId === 'bad')) {
        return Promise.reject(new Error('violates a constraint'));
      }
      committed.push(...pushes.map((p) => p.requestId));
      return Promise.resolve(pushes.map(() => summary));
    }, 1);
    const outcomes = await Promise.allSettled(
      ['good-1', 'bad', 'good-2'].map((id) => groupCommit.run(push(id))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(committed.sort()).toEqual(['good-1', 'good-2']);
  });

  it('fails a whole batch at once when the database cannot be reached, without retrying', async () => {
    let attempts = 0;
    const groupCommit = new PostgresGroupCommit(() => {
      attempts += 1;
      return Promise.reject(new Error('Query read timeout'));
    }, 1);
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((id) => groupCommit.run(push(id))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(attempts).toBe(1);
  });
});
