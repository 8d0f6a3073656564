import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { WriteQueue } from '../database/write-queue.js';
import { PushMonitor } from '../ingest/push-monitor.js';
import type { PushRecord } from '../ingest/push-record.js';
import { PushLogWriter } from './push-log.writer.js';

function record(overrides: Partial<PushRecord> = {}): PushRecord {
  return {
    requestId: 'request-1',
    pluginId: 'prometheus',
    integrationId: 'integration-1',
    receivedAt: new Date('2026-11-01T10:00:00Z'),
    durationMs: 3.6,
    httpStatus: 200,
    outcome: 'accepted',
    errorCode: null,
    errorMessage: null,
    summary: { events: 1, stored: 1, deduplicated: 0, unrouted: 0 },
    ...overrides,
  };
}

/** A data source whose inserts go to `insert`, and whose trimming always succeeds. */
function fakeDataSource(insert: (rows: unknown[]) => Promise<unknown>): DataSource {
  const execute = () => Promise.resolve({ affected: 0 });
  const deleteBuilder = {
    delete: () => deleteBuilder,
    from: () => deleteBuilder,
    where: () => deleteBuilder,
    andWhere: () => deleteBuilder,
    execute,
  };
  return {
    options: { type: 'postgres' },
    getRepository: () => ({ insert }),
    createQueryBuilder: () => deleteBuilder,
  } as unknown as DataSource;
}

function started(dataSource: DataSource): { writer: PushLogWriter; monitor: PushMonitor } {
  const monitor = new PushMonitor();
  const writer = new PushLogWriter(dataSource, new WriteQueue(dataSource), monitor);
  writer.onModuleInit();
  return { writer, monitor };
}

describe('PushLogWriter', () => {
  it('writes after the push is announced, in one batch, skipping pushes without integration', async () => {
    const batches: unknown[][] = [];
    const { writer, monitor } = started(
      fakeDataSource((rows) => {
        batches.push(rows);
        return Promise.resolve({});
      }),
    );
    monitor.record(record({ requestId: 'a' }));
    monitor.record(record({ requestId: 'no-key', integrationId: null }));
    monitor.record(
      record({
        requestId: 'b',
        outcome: 'refused',
        httpStatus: 422,
        errorCode: 'NoRoute',
        summary: null,
      }),
    );
    expect(batches).toEqual([]);

    await writer.settled();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual([
      expect.objectContaining({ requestId: 'a', stored: 1, durationMs: 4 }),
      expect.objectContaining({ requestId: 'b', errorCode: 'NoRoute', stored: null }),
    ]);
  });

  it('never throws into the push when the log cannot be written, and says so in the log', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const { writer, monitor } = started(
        fakeDataSource(() => Promise.reject(new Error('disk full'))),
      );
      expect(() => monitor.record(record())).not.toThrow();
      await expect(writer.settled()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('disk full'));
    } finally {
      warn.mockRestore();
    }
  });

  it('stops listening and writes what is pending before the app shuts down', async () => {
    const written: unknown[] = [];
    const { writer, monitor } = started(
      fakeDataSource((rows) => {
        written.push(...rows);
        return Promise.resolve({});
      }),
    );
    monitor.record(record({ requestId: 'last' }));
    await writer.beforeApplicationShutdown();
    expect(written).toEqual([expect.objectContaining({ requestId: 'last' })]);
    monitor.record(record({ requestId: 'after shutdown' }));
    await writer.settled();
    expect(written).toHaveLength(1);
  });
});
