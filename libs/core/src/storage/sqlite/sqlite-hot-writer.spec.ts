import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { sqliteMemoryDatabase } from '../../testing/sqlite-memory-database.js';
import {
  PushBatchContributors,
  rowsOf,
  type PushBatchContributor,
} from '../push-batch-contributor.js';
import type { WrittenPushBatch } from '../push-batch.js';
import { sqliteConnectionOf } from '../storage-handles.js';
import { StorageSchemaCheck } from '../storage-schema-check.js';
import { Table } from '../table.js';
import { ONE_ALERT_PER_KEY, transitionsOf } from '../testing/one-alert-per-key.js';
import { SqliteHotWriter } from './sqlite-hot-writer.js';
import { SqliteWriteQueue } from './sqlite-write-queue.js';

describe('SqliteHotWriter', () => {
  let dataSource: DataSource;
  let connection: BetterSqlite3.Database;
  let contributors: PushBatchContributors;
  let writer: SqliteHotWriter;

  // A database of its own per test (a migration run takes a few seconds on a busy machine).
  beforeEach(async () => {
    dataSource = await sqliteMemoryDatabase();
    connection = sqliteConnectionOf(dataSource);
    connection.exec(
      `CREATE TABLE alert_transitions (id integer PRIMARY KEY, alert_id integer NOT NULL,
         status varchar(16) NOT NULL)`,
    );
    contributors = new PushBatchContributors();
    writer = new SqliteHotWriter(connection, new SqliteWriteQueue(connection), contributors);
  }, 30_000);
  afterEach(() => dataSource.destroy());

  const rows = (sql: string) => connection.prepare(sql).all();

  it("writes an alert, its event and a contributor's rows in the push's transaction", async () => {
    contributors.add(transitionsOf());
    const write = writer.pushWriter(ONE_ALERT_PER_KEY);
    await expect(write({ alertKey: 'disk' })).resolves.toBe('opened');
    await expect(write({ alertKey: 'disk' })).resolves.toBe('changed');
    const [alert] = rows('SELECT id, event_count FROM alerts') as { id: number }[];
    expect(alert).toEqual({ id: expect.any(Number), event_count: 2 });
    expect(rows('SELECT alert_id, alert_key FROM alert_events')).toEqual([
      { alert_id: alert?.id, alert_key: 'disk' },
      { alert_id: alert?.id, alert_key: 'disk' },
    ]);
    // The contributor saw the new alert with the id its insert gave it.
    expect(rows('SELECT alert_id, status FROM alert_transitions ORDER BY id')).toEqual([
      { alert_id: alert?.id, status: 'opened' },
      { alert_id: alert?.id, status: 'changed' },
    ]);
  });

  it("fails the push, and stores nothing of it, when a contributor's rows cannot be written", async () => {
    const broken = new Table<{ alertId: number }>('alert_transitions', {
      alertId: { name: 'no_such_column', kind: 'integer' },
    });
    const contributor: PushBatchContributor = {
      tables: [broken as Table<unknown>],
      // Rows for every alert the push touched, opened or changed: a contributor of opened
      // alerts only gave none (and let the push through) when an earlier test of a shared
      // database had left this alert behind: one cause of the flake this test once showed.
      contribute: ({ opened, changed }) => [
        rowsOf(
          broken,
          [...opened, ...changed].map((alert) => ({ alertId: alert.id })),
        ),
      ],
    };
    contributors.add(contributor);
    // Not `rejects.toThrow`: once another test file of the same Jest worker has loaded
    // better-sqlite3, its SqliteError belongs to that file's realm, is no Error of this one, and
    // `toThrow` reports "did not throw" for a push that was refused (the flake once seen here).
    await expect(writer.pushWriter(ONE_ALERT_PER_KEY)({ alertKey: 'disk' })).rejects.toMatchObject({
      message: expect.stringMatching(/no_such_column/),
    });
    expect(rows('SELECT id FROM alerts')).toEqual([]);
    expect(rows('SELECT id FROM alert_events')).toEqual([]);
  });

  it('shows contributors each alert as the push found it, and tells them after the commit', async () => {
    const seen: WrittenPushBatch[] = [];
    const inTransactionWhenTold: boolean[] = [];
    const recording: PushBatchContributor = {
      ...transitionsOf(),
      contribute(batch) {
        seen.push(batch);
        return transitionsOf().contribute(batch);
      },
      committed: () => inTransactionWhenTold.push(connection.inTransaction),
    };
    contributors.add(recording);
    const write = writer.pushWriter(ONE_ALERT_PER_KEY);
    await write({ alertKey: 'disk' });
    await write({ alertKey: 'disk' });
    const [first, second] = seen;
    expect(first?.before.size).toBe(0);
    const [changed] = second?.changed ?? [];
    // The planner counted the event on its own copy; `before` kept the count as loaded.
    expect(changed?.eventCount).toBe(2);
    expect(second?.before.get(changed?.id ?? 0)?.eventCount).toBe(1);
    expect(inTransactionWhenTold).toEqual([false, false]);
  });

  it('does not tell a contributor of a push that failed', async () => {
    let told = 0;
    contributors.add({ ...transitionsOf(), committed: () => (told += 1) });
    contributors.add({
      tables: [],
      contribute: () => {
        throw new Error('contributor failed');
      },
    });
    await expect(writer.pushWriter(ONE_ALERT_PER_KEY)({ alertKey: 'disk' })).rejects.toThrow(
      'contributor failed',
    );
    expect(told).toBe(0);
    expect(rows('SELECT id FROM alert_transitions')).toEqual([]);
  });

  it('appends push log entries and keeps the latest of each integration', async () => {
    const entry = (requestId: string) => ({
      integrationId: 'integration-1',
      requestId,
      pluginId: 'prometheus',
      receivedAt: new Date('2026-11-01T10:00:00Z'),
      outcome: 'accepted',
      httpStatus: 200,
      errorCode: null,
      errorMessage: null,
      events: 1,
      stored: 1,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
      durationMs: 3,
      note: null,
    });
    await writer.appendPushLog([entry('a'), entry('b'), entry('c')], 2);
    expect(rows('SELECT request_id, received_at FROM push_log ORDER BY id')).toEqual([
      { request_id: 'b', received_at: '2026-11-01 10:00:00.000' },
      { request_id: 'c', received_at: '2026-11-01 10:00:00.000' },
    ]);
  });

  it("checks a contributor's tables against the schema at start-up, as the hot ones", async () => {
    contributors.add(transitionsOf());
    const check = new StorageSchemaCheck(dataSource, contributors);
    await expect(check.onApplicationBootstrap()).resolves.toBeUndefined();
    connection.exec('DROP TABLE alert_transitions');
    await expect(check.onApplicationBootstrap()).rejects.toThrow(
      'table alert_transitions does not exist',
    );
  });
});
