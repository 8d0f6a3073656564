import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { PushMonitor } from '../ingest/push-monitor.js';
import type { PushRecord } from '../ingest/push-record.js';
import type { HotWriter, PushLogRecord } from '../storage/index.js';
import { PUSH_LOG_KEPT, PushLogWriter } from './push-log.writer.js';

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
    summary: { events: 1, stored: 1, deduplicated: 0, unrouted: 0, beats: 0 },
    note: null,
    ...overrides,
  };
}

/** A writer whose push log appends go to `append`. */
function fakeStore(
  append: (entries: readonly PushLogRecord[], kept: number) => Promise<void>,
): Pick<HotWriter, 'appendPushLog'> {
  return { appendPushLog: append };
}

function started(store: Pick<HotWriter, 'appendPushLog'>): {
  writer: PushLogWriter;
  monitor: PushMonitor;
} {
  const monitor = new PushMonitor();
  const writer = new PushLogWriter(store, monitor);
  writer.onModuleInit();
  return { writer, monitor };
}

describe('PushLogWriter', () => {
  it('writes after the push is announced, in one batch, skipping pushes without integration', async () => {
    const batches: Array<{ entries: readonly PushLogRecord[]; kept: number }> = [];
    const { writer, monitor } = started(
      fakeStore((entries, kept) => {
        batches.push({ entries, kept });
        return Promise.resolve();
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
    expect(batches).toEqual([
      {
        entries: [
          expect.objectContaining({ requestId: 'a', stored: 1, durationMs: 4 }),
          expect.objectContaining({ requestId: 'b', errorCode: 'NoRoute', stored: null }),
        ],
        kept: PUSH_LOG_KEPT,
      },
    ]);
  });

  it('never throws into the push when the log cannot be written, and says so in the log', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const { writer, monitor } = started(fakeStore(() => Promise.reject(new Error('disk full'))));
      expect(() => monitor.record(record())).not.toThrow();
      await expect(writer.settled()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('disk full'));
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps the entries while storage is unavailable and writes them once it is back', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const diskFull = Object.assign(new Error('database or disk is full'), {
        code: 'SQLITE_FULL',
      });
      let full = true;
      const written: PushLogRecord[] = [];
      const { writer, monitor } = started(
        fakeStore((entries) => {
          if (full) return Promise.reject(diskFull);
          written.push(...entries);
          return Promise.resolve();
        }),
      );
      monitor.record(record({ requestId: 'while-full', outcome: 'failed', httpStatus: 503 }));
      await writer.settled();
      expect(written).toEqual([]);

      full = false;
      monitor.record(record({ requestId: 'after' }));
      await writer.settled();
      expect(written.map((entry) => entry.requestId)).toEqual(['while-full', 'after']);
    } finally {
      warn.mockRestore();
    }
  });

  it('gives up on what storage cannot take when the app shuts down', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const readOnly = Object.assign(new Error('attempt to write a readonly database'), {
        code: 'SQLITE_READONLY',
      });
      const { writer, monitor } = started(fakeStore(() => Promise.reject(readOnly)));
      monitor.record(record());
      await writer.beforeApplicationShutdown();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not write 1 push log'));
    } finally {
      warn.mockRestore();
    }
  });

  it('stops listening and writes what is pending before the app shuts down', async () => {
    const written: PushLogRecord[] = [];
    const { writer, monitor } = started(
      fakeStore((entries) => {
        written.push(...entries);
        return Promise.resolve();
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
