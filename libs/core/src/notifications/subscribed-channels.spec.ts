import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { SUBSCRIBED_CHANNELS_RELOAD_MS, SubscribedChannels } from './subscribed-channels.js';

type Rows = Array<{ channelId: string }>;

/** A database whose subscription queries are answered by the test, one at a time. */
function databaseAnswering() {
  const pending: Array<(rows: Rows) => void> = [];
  const builder = {
    select: () => builder,
    getRawMany: () => new Promise<Rows>((resolve) => pending.push(resolve)),
  };
  const dataSource = {
    getRepository: () => ({ createQueryBuilder: () => builder }),
  } as unknown as DataSource;
  const answer = (...channelIds: string[]) => {
    const next = pending.shift();
    if (next === undefined) throw new Error('no query is waiting');
    next(channelIds.map((channelId) => ({ channelId })));
  };
  return { dataSource, answer, waiting: () => pending.length };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SubscribedChannels', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('knows the subscribed channels once started, and reads them again periodically', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const database = databaseAnswering();
    const channels = new SubscribedChannels(database.dataSource);
    const started = channels.onModuleInit();
    database.answer('a');
    await started;
    channels.onApplicationBootstrap();
    expect([channels.has('a'), channels.has('b')]).toEqual([true, false]);

    jest.advanceTimersByTime(SUBSCRIBED_CHANNELS_RELOAD_MS);
    database.answer('b');
    await flush();
    expect([channels.has('a'), channels.has('b')]).toEqual([false, true]);
    channels.onModuleDestroy();
  });

  it('counts a subscription added here at once, even against a load begun before it', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const database = databaseAnswering();
    const channels = new SubscribedChannels(database.dataSource);
    const started = channels.onModuleInit();
    database.answer();
    await started;
    channels.onApplicationBootstrap();

    jest.advanceTimersByTime(SUBSCRIBED_CHANNELS_RELOAD_MS);
    channels.added('new');
    expect(channels.has('new')).toBe(true);
    // The periodic load read the table before the subscription was saved.
    database.answer();
    await flush();
    expect(channels.has('new')).toBe(true);
    channels.onModuleDestroy();
  });

  it('reads the database again when a subscription is deleted here', async () => {
    const database = databaseAnswering();
    const channels = new SubscribedChannels(database.dataSource);
    const started = channels.onModuleInit();
    database.answer('a', 'b');
    await started;

    const removed = channels.removed();
    expect(database.waiting()).toBe(1);
    database.answer('a');
    await removed;
    expect([channels.has('a'), channels.has('b')]).toEqual([true, false]);
    channels.onModuleDestroy();
  });
});
