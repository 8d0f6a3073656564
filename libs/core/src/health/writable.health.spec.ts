import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { DataSource } from 'typeorm';
import type { WriteQueue } from '../storage/index.js';
import { WRITABLE_TRUSTED_FOR_MS, WritableHealthIndicator } from './writable.health.js';

/** A data source whose queries go to `query`, and a write queue that runs writes at once. */
function indicatorOn(query: (sql: string) => Promise<unknown>): WritableHealthIndicator {
  const dataSource = {
    options: {},
    driver: { escape: (name: string) => `"${name}"` },
    query,
  } as unknown as DataSource;
  const writes = { run: <T>(write: () => Promise<T>) => write() } as WriteQueue;
  return new WritableHealthIndicator(dataSource, writes, new HealthIndicatorService());
}

describe('WritableHealthIndicator', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['performance', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is down while the database refuses writes, and up as soon as it takes them', async () => {
    let readOnly = true;
    const indicator = indicatorOn((sql) => {
      expect(sql).toBe('UPDATE "migrations" SET "name" = "name" WHERE 1 = 0');
      return readOnly
        ? Promise.reject(new Error('attempt to write a readonly database'))
        : Promise.resolve([]);
    });
    expect(await indicator.check('writable')).toMatchObject({
      writable: { status: 'down', message: 'attempt to write a readonly database' },
    });
    readOnly = false;
    expect(await indicator.check('writable')).toMatchObject({ writable: { status: 'up' } });
  });

  it('writes one probe for all the checks of a while, and probes again after it', async () => {
    const query = jest.fn(() => Promise.resolve([]));
    const indicator = indicatorOn(query);
    await Promise.all([indicator.check('writable'), indicator.check('writable')]);
    await indicator.check('writable');
    expect(query).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(WRITABLE_TRUSTED_FOR_MS);
    expect(await indicator.check('writable')).toMatchObject({ writable: { status: 'up' } });
    expect(query).toHaveBeenCalledTimes(2);
  });
});
