import type { DataSource, EntityManager } from 'typeorm';
import type { SqlDialect } from '../storage/index.js';
import type { OutboxRow } from './alert-transition.js';
import { NOTIFICATION_OUTBOX } from './notification-outbox.table.js';

/** Runs one hand-written statement (`?` placeholders): the rows it read or returned. */
export type Statements = (
  text: string,
  parameters: unknown[],
) => Promise<Record<string, unknown>[]>;

/** Hand-written statements in `manager`'s transaction, or each on its own without one. */
export function statementsOf(
  sql: SqlDialect,
  dataSource: DataSource,
  manager?: EntityManager,
): Statements {
  if (manager === undefined)
    return (text, parameters) =>
      dataSource.query<Record<string, unknown>[]>(sql.sql(text), parameters);
  const runner = manager.queryRunner;
  if (runner === undefined) throw new Error('statements run in a transaction');
  return async (text, parameters) => {
    const result = (await runner.query(sql.sql(text), parameters, true)) as {
      records?: Record<string, unknown>[];
    };
    return result.records ?? [];
  };
}

/**
 * Where a subscription is in the log: the last row it has read. On PostgreSQL rows are read in
 * (order key, id) order; on SQLite in id order, and the key is 0.
 */
export interface LogCursor {
  key: number;
  id: number;
}

/** The oldest transaction still running: every row with a smaller order key is committed. */
const SNAPSHOT_XMIN = 'pg_snapshot_xmin(pg_current_snapshot())::text::bigint';

/** A row of the log (`notification_outbox`) as a subscription reads it. */
export type LogEntry = OutboxRow & { id: number; cursor: LogCursor };

const ENTRY_FIELDS = [
  'id',
  'alertId',
  'channelId',
  'transition',
  'severity',
  'occurredAt',
  'snapshot',
] as const;

/**
 * The log of alert transitions, read by each subscription from its own cursor (see the
 * migration `NotificationLog1766500000000` for why PostgreSQL reads by order key). The cursor
 * of a subscription is only moved by the process that holds its lease, and only forward.
 */
export class NotificationLog {
  constructor(private readonly sql: SqlDialect) {}

  /**
   * Rows of `subscriptionId`'s channel past its cursor, in order, that no transaction still
   * running can come before; up to `limit`. With `ifNothingWaits`, none while the subscription
   * has a notification waiting in `notifications` (what it reads then queues behind it instead:
   * a caller's count of them may be out of date). The channel and the cursor are read first and
   * given to the query as values: with them PostgreSQL's planner sees how much is unread, and
   * walks the log's index in order up to `limit` when that is much (as scalar subqueries it
   * guessed little, and sorted the whole unread part at each read).
   */
  async read(
    query: Statements,
    subscriptionId: string,
    limit: number,
    ifNothingWaits = false,
  ): Promise<LogEntry[]> {
    const [reader] = await query(
      'SELECT channel_id, log_key, log_id FROM notification_subscriptions WHERE id = ?',
      [subscriptionId],
    );
    if (reader === undefined) return [];
    const key = Number(reader.log_key);
    const id = Number(reader.log_id);
    const past = this.sql.postgres
      ? `o.order_key >= ? AND (o.order_key > ? OR o.id > ?) AND o.order_key < ${SNAPSHOT_XMIN}`
      : 'o.id > ?';
    const waiting = ifNothingWaits
      ? `AND NOT EXISTS (SELECT 1 FROM notifications n
           WHERE n.subscription_id = ? AND n.state = 'pending')`
      : '';
    const rows = await query(
      `SELECT o.id, ${this.sql.postgres ? 'o.order_key' : '0 AS order_key'}, o.alert_id,
         o.channel_id, o.transition, o.severity, o.occurred_at, o.snapshot
       FROM notification_outbox o
       WHERE o.channel_id = ? AND ${past} ${waiting}
       ORDER BY ${this.sql.postgres ? 'o.order_key, ' : ''}o.id LIMIT ?`,
      [
        reader.channel_id,
        ...(this.sql.postgres ? [key, key, id] : [id]),
        ...(ifNothingWaits ? [subscriptionId] : []),
        limit,
      ],
    );
    const entries = this.sql.decode(NOTIFICATION_OUTBOX, ENTRY_FIELDS, rows);
    return entries.map((entry, index) => {
      const rowId = Number(entry.id);
      return {
        ...entry,
        id: rowId,
        cursor: { key: Number(rows[index]?.order_key ?? 0), id: rowId },
      };
    });
  }

  /** Moves the subscription's cursor to `cursor`, unless it is there or past it already. */
  async advance(query: Statements, subscriptionId: string, cursor: LogCursor): Promise<void> {
    await query(
      `UPDATE notification_subscriptions SET log_key = ?, log_id = ?
       WHERE id = ? AND (log_key < ? OR (log_key = ? AND log_id < ?))`,
      [cursor.key, cursor.id, subscriptionId, cursor.key, cursor.key, cursor.id],
    );
  }

  /** A cursor past every row of the log as it is now: where a new subscription starts. */
  async end(query: Statements): Promise<LogCursor> {
    if (this.sql.postgres) {
      const [row] = await query(`SELECT ${SNAPSHOT_XMIN} AS key`, []);
      return { key: Number(row?.key ?? 0), id: 0 };
    }
    const [row] = await query('SELECT COALESCE(MAX(id), 0) AS id FROM notification_outbox', []);
    return { key: 0, id: Number(row?.id ?? 0) };
  }

  /** SQL: `row` (an alias of the log) is past the cursor of `subscription` (an alias). */
  pastCursor(row: string, subscription: string): string {
    return this.sql.postgres
      ? `${row}.order_key >= ${subscription}.log_key
         AND (${row}.order_key > ${subscription}.log_key OR ${row}.id > ${subscription}.log_id)`
      : `${row}.id > ${subscription}.log_id`;
  }
}
