import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { CoreOptions } from '../core-options.js';
import type { LatestEventTimes } from '../integrations/latest-event-times.js';
import { PushBatchContributors, type HotWriter } from '../storage/index.js';
import { SqliteHotWriter } from '../storage/sqlite/sqlite-hot-writer.js';
import { SqliteWriteQueue } from '../storage/sqlite/sqlite-write-queue.js';
import { sqliteConnectionOf } from '../storage/storage-handles.js';
import { sqliteMemoryDatabase } from '../testing/sqlite-memory-database.js';
import { normalizedEvent } from '../testing/normalized-event.js';
import { EventStore } from './event-store.service.js';
import type { NormalizedEvent, PushToStore } from './normalized-event.js';

const options = {
  database: { type: 'sqlite', path: ':memory:' },
  maxEventRawBytes: 400,
} as CoreOptions;

const receivedAt = new Date('2026-11-01T10:00:10Z');

function push(channelIds: string[], ...events: NormalizedEvent[]): PushToStore {
  return {
    integrationId: 'integration-1',
    pluginId: 'prometheus',
    requestId: 'request-1',
    receivedAt,
    autoResolveAfterSeconds: 60,
    events: events.map((event) => ({ event, channelIds })),
  };
}

/** Latest event times as the store reports them. */
function recordedTimes(): { times: LatestEventTimes; recorded: Array<[string, Date]> } {
  const recorded: Array<[string, Date]> = [];
  const times = {
    record: (integrationId: string, at: Date) => {
      recorded.push([integrationId, at]);
      return Promise.resolve();
    },
  } as unknown as LatestEventTimes;
  return { times, recorded };
}

describe('EventStore', () => {
  describe('on SQLite', () => {
    let dataSource: DataSource;
    let connection: BetterSqlite3.Database;
    let store: EventStore;
    let recorded: Array<[string, Date]>;

    // Migrated once: each test starts from empty tables.
    beforeAll(async () => {
      dataSource = await sqliteMemoryDatabase();
      connection = sqliteConnectionOf(dataSource);
    }, 30_000);
    afterAll(() => dataSource.destroy());

    beforeEach(() => {
      connection.exec('DELETE FROM alert_events; DELETE FROM alerts; DELETE FROM sqlite_sequence');
      const writer = new SqliteHotWriter(
        connection,
        new SqliteWriteQueue(connection),
        new PushBatchContributors(),
      );
      const latest = recordedTimes();
      recorded = latest.recorded;
      store = new EventStore(writer, latest.times, options);
    });

    const rows = (sql: string) => connection.prepare(sql).all();

    it('folds a firing then a resolved event into one alert, each event pointing at it', async () => {
      await expect(store.store(push(['channel-1'], normalizedEvent()))).resolves.toEqual({
        events: 1,
        stored: 1,
        deduplicated: 0,
        unrouted: 0,
        beats: 0,
      });
      const resolved = normalizedEvent({ status: 'resolved', endsAt: receivedAt });
      await store.store(push(['channel-1'], resolved));
      expect(rows('SELECT id, status, event_count, labels FROM alerts')).toEqual([
        {
          id: 1,
          status: 'resolved',
          event_count: 2,
          labels: '{"alertname":"DiskFull","team":"db"}',
        },
      ]);
      expect(rows('SELECT alert_id, status, event_status FROM alert_events ORDER BY id')).toEqual([
        { alert_id: 1, status: 'firing', event_status: 'Warning' },
        { alert_id: 1, status: 'resolved', event_status: 'Ok' },
      ]);
    });

    it('counts a repeat of the latest event without storing it, and keeps unrouted events', async () => {
      await store.store(push(['channel-1'], normalizedEvent()));
      await expect(store.store(push(['channel-1'], normalizedEvent()))).resolves.toMatchObject({
        stored: 0,
        deduplicated: 1,
      });
      await expect(store.store(push([], normalizedEvent()))).resolves.toMatchObject({
        stored: 1,
        unrouted: 1,
      });
      expect(rows('SELECT repeat_count FROM alerts')).toEqual([{ repeat_count: 1 }]);
      expect(rows('SELECT channel_id, alert_id FROM alert_events ORDER BY id')).toEqual([
        { channel_id: 'channel-1', alert_id: 1 },
        { channel_id: null, alert_id: null },
      ]);
    });

    it('stores the raw JSON as sent, or a marker in place of one above the limit', async () => {
      const small = normalizedEvent({ alertKey: 'small', raw: { labels: { a: 'b' } } });
      const large = normalizedEvent({ alertKey: 'large', raw: { blob: 'x'.repeat(1000) } });
      await store.store(push(['channel-1', 'channel-2'], small, large));
      const raws = rows('SELECT alert_key, channel_id, raw FROM alert_events ORDER BY id') as {
        alert_key: string;
        raw: string;
      }[];
      expect(raws.map((row) => row.alert_key)).toEqual(['small', 'small', 'large', 'large']);
      expect(JSON.parse(raws[0]?.raw ?? '')).toEqual({ labels: { a: 'b' } });
      expect(JSON.parse(raws[2]?.raw ?? '')).toMatchObject({
        truncated: true,
        bytes: JSON.stringify(large.raw).length,
      });
    });

    it("records the integration's latest event time for what a source sent, not for generated events", async () => {
      await store.store(push(['channel-1'], normalizedEvent()));
      await store.storeGenerated(push(['channel-1'], normalizedEvent({ alertKey: 'heartbeat' })));
      expect(recorded).toEqual([['integration-1', receivedAt]]);
      expect(rows('SELECT alert_key FROM alerts ORDER BY id')).toEqual([
        { alert_key: 'key-1' },
        { alert_key: 'heartbeat' },
      ]);
    });
  });

  describe('races', () => {
    const uniqueViolation = Object.assign(new Error('UNIQUE constraint failed'), {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });

    /** A writer failing its first `failures` writes with `error`, then storing. */
    function failingWriter(
      failures: number,
      error: Error,
    ): { writer: HotWriter; attempts: () => number } {
      let attempts = 0;
      const writer = {
        pushWriter: () => () => {
          attempts += 1;
          if (attempts <= failures) return Promise.reject(error);
          return Promise.resolve({ events: 1, stored: 1, deduplicated: 0, unrouted: 0, beats: 0 });
        },
        appendPushLog: () => Promise.resolve(),
      } as unknown as HotWriter;
      return { writer, attempts: () => attempts };
    }

    it('replays a push that lost the race for a new alert: it folds into the winner', async () => {
      const { writer, attempts } = failingWriter(2, uniqueViolation);
      const store = new EventStore(writer, recordedTimes().times, options);
      await expect(store.store(push(['channel-1'], normalizedEvent()))).resolves.toMatchObject({
        stored: 1,
      });
      expect(attempts()).toBe(3);
    });

    it('gives up after four attempts, and never replays another failure', async () => {
      const losing = failingWriter(10, uniqueViolation);
      const store = new EventStore(losing.writer, recordedTimes().times, options);
      await expect(store.store(push(['channel-1'], normalizedEvent()))).rejects.toBe(
        uniqueViolation,
      );
      expect(losing.attempts()).toBe(4);

      const full = failingWriter(10, new Error('disk full'));
      const other = new EventStore(full.writer, recordedTimes().times, options);
      await expect(other.store(push(['channel-1'], normalizedEvent()))).rejects.toThrow(
        'disk full',
      );
      expect(full.attempts()).toBe(1);
    });
  });
});
