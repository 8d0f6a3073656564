import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { WriteQueue } from '../storage/index.js';
import { ActiveSilences, SILENCES_RELOAD_MS } from './active-silences.js';
import type { Silence } from './silence.entity.js';

/** A database whose silence queries answer, one after the other, with what `answers` gives. */
function databaseAnswering(answers: Array<() => Promise<Silence[]>>) {
  let asked = 0;
  const builder = {
    where: () => builder,
    orWhere: () => builder,
    orderBy: () => builder,
    addOrderBy: () => builder,
    getMany: () => {
      const answer = answers[Math.min(asked, answers.length - 1)];
      asked += 1;
      if (answer === undefined) throw new Error('no answer');
      return answer();
    },
  };
  const dataSource = {
    getRepository: () => ({ createQueryBuilder: () => builder }),
  } as unknown as DataSource;
  return { dataSource, asked: () => asked };
}

const noWrites = {} as WriteQueue;

/** Loads stamp the index with the clock; pushes below come this long after. */
const start = Date.now();

describe('ActiveSilences', () => {
  it('keeps answering pushes with the index it has while a reload hangs', async () => {
    const database = databaseAnswering([
      () => Promise.resolve([]),
      () => new Promise<Silence[]>(() => undefined),
    ]);
    const active = new ActiveSilences(database.dataSource, noWrites);
    const first = await active.index(start + 0);

    const later = await active.index(start + 3 * SILENCES_RELOAD_MS);
    const muchLater = await active.index(start + 10 * SILENCES_RELOAD_MS);

    expect(later).toBe(first);
    expect(muchLater).toBe(first);
    // One reload under way is shared, not begun again by every push.
    expect(database.asked()).toBe(2);
  });

  it('keeps the index it has when a reload fails, and tries again at a later push', async () => {
    const database = databaseAnswering([
      () => Promise.resolve([]),
      () => Promise.reject(new Error('connection lost')),
      () => Promise.resolve([]),
    ]);
    const active = new ActiveSilences(database.dataSource, noWrites);
    const first = await active.index(start + 0);

    expect(await active.index(start + 2 * SILENCES_RELOAD_MS)).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    await active.index(start + 3 * SILENCES_RELOAD_MS);
    await new Promise((resolve) => setImmediate(resolve));

    expect(database.asked()).toBe(3);
    expect(await active.index(start + 3 * SILENCES_RELOAD_MS)).not.toBe(first);
  });

  it('makes the push after a change made here wait for the silences as they are now', async () => {
    const database = databaseAnswering([() => Promise.resolve([])]);
    const active = new ActiveSilences(database.dataSource, noWrites);
    const first = await active.index(start + 0);

    active.forget();

    expect(await active.index(start + 1)).not.toBe(first);
    expect(database.asked()).toBe(2);
  });
});
