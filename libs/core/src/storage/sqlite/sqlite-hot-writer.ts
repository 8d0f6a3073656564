import type BetterSqlite3 from 'better-sqlite3';
import { encodeSqliteTime } from '../../database/sqlite-time.js';
import { RowEncoder, decodeRow } from '../codec.js';
import { integrationIdsOf, type HotWriter } from '../hot-writer.js';
import type { ContributedRows, PushBatchContributors } from '../push-batch-contributor.js';
import { alertsBefore, type PushPlanner } from '../push-batch.js';
import type { Table } from '../table.js';
import { ALERT_EVENTS } from '../tables/alert-events.table.js';
import {
  ALERTS,
  ALERT_FOLD_FIELDS,
  ALERT_REPEAT_FIELDS,
  type AlertRecord,
} from '../tables/alerts.table.js';
import { PUSH_LOG, type PushLogRecord } from '../tables/push-log.table.js';
import { SQLITE_CODEC } from './sqlite-codec.js';
import { selectList, sqliteInsertSql, sqliteUpdateByIdSql } from './sqlite-statements.js';
import type { SqliteWriteQueue } from './sqlite-write-queue.js';

/**
 * The hot writes on SQLite: prepared statements run synchronously in the turns of the write
 * queue, one push per piece of a group commit. In SQLite a statement costs no round trip, so one
 * per row is cheap.
 */
export class SqliteHotWriter implements HotWriter {
  private readonly findAlert: BetterSqlite3.Statement;
  private readonly findDue: BetterSqlite3.Statement;
  private readonly findSilenced: BetterSqlite3.Statement;
  private readonly updateFolded: BetterSqlite3.Statement;
  private readonly updateRepeated: BetterSqlite3.Statement;
  private readonly trimLog: BetterSqlite3.Statement;
  private readonly inserts = new Map<Table<unknown>, BetterSqlite3.Statement>();
  private readonly foldColumns = ALERTS.pick(ALERT_FOLD_FIELDS);
  private readonly repeatColumns = ALERTS.pick(ALERT_REPEAT_FIELDS);

  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly queue: SqliteWriteQueue,
    private readonly contributors: PushBatchContributors,
  ) {
    // The active alert of an identity, else its latest resolved one (alerts_identity serves it).
    this.findAlert = database.prepare(
      `SELECT ${selectList(ALERTS)} FROM alerts
       WHERE alert_key = ? AND channel_id = ? AND integration_id = ?
       ORDER BY status = 'active' DESC, id DESC LIMIT 1`,
    );
    this.findDue = database.prepare(
      `SELECT ${selectList(ALERTS)} FROM alerts
       WHERE status = 'active' AND auto_resolve_at <= ? ORDER BY id LIMIT ?`,
    );
    this.findSilenced = database.prepare(
      `SELECT ${selectList(ALERTS)} FROM alerts
       WHERE id = ? AND status = 'active' AND silenced_by = ?`,
    );
    this.updateFolded = database.prepare(sqliteUpdateByIdSql(ALERTS, this.foldColumns));
    this.updateRepeated = database.prepare(sqliteUpdateByIdSql(ALERTS, this.repeatColumns));
    this.trimLog = database.prepare(
      `DELETE FROM push_log WHERE integration_id = ? AND id < (
         SELECT kept.id FROM push_log kept WHERE kept.integration_id = ?
         ORDER BY kept.id DESC LIMIT 1 OFFSET ?)`,
    );
  }

  pushWriter<Push, Result>(planner: PushPlanner<Push, Result>): (push: Push) => Promise<Result> {
    return async (push) => {
      const { result, contributed } = await this.queue.transaction(() =>
        this.writePush(push, planner),
      );
      this.contributors.committed(contributed);
      return result;
    };
  }

  async resolveDueAlerts(
    now: Date,
    limit: number,
    resolve: (alert: AlertRecord) => void,
  ): Promise<number> {
    return this.changeAlerts(() => {
      const due = this.findDue.all(encodeSqliteTime(now), limit) as Record<string, unknown>[];
      return due.map((row) => decodeRow(row, ALERTS.columns, SQLITE_CODEC));
    }, resolve);
  }

  changeSilencedAlerts(
    ids: readonly number[],
    silenceId: string,
    change: (alert: AlertRecord) => void,
  ): Promise<number> {
    return this.changeAlerts(
      () =>
        ids.flatMap((id) => {
          const row = this.findSilenced.get(id, silenceId) as Record<string, unknown> | undefined;
          return row === undefined ? [] : [decodeRow(row, ALERTS.columns, SQLITE_CODEC)];
        }),
      change,
    );
  }

  /** Changes the alerts `load` finds, with the contributors' rows, in one transaction. */
  private async changeAlerts(
    load: () => AlertRecord[],
    change: (alert: AlertRecord) => void,
  ): Promise<number> {
    const { count, contributed } = await this.queue.transaction(() => {
      const encoder = new RowEncoder(SQLITE_CODEC);
      const changed = load();
      const before = alertsBefore(changed);
      for (const alert of changed) change(alert);
      for (const alert of changed) {
        this.updateFolded.run(...encoder.values(alert, this.foldColumns), alert.id);
      }
      const batch = { changed, opened: [], repeated: [], events: [], before };
      const rows = this.contributors.rowsFor(batch);
      for (const { table, rows: contributedRows } of rows) {
        this.insertRows(table, contributedRows, encoder);
      }
      return { count: changed.length, contributed: rows };
    });
    this.contributors.committed(contributed);
    return count;
  }

  appendPushLog(entries: readonly PushLogRecord[], kept: number): Promise<void> {
    return this.queue.transaction(() => {
      this.insertRows(PUSH_LOG, entries, new RowEncoder(SQLITE_CODEC));
      for (const integrationId of integrationIdsOf(entries)) {
        this.trimLog.run(integrationId, integrationId, kept - 1);
      }
    });
  }

  private writePush<Push, Result>(
    push: Push,
    planner: PushPlanner<Push, Result>,
  ): { result: Result; contributed: ContributedRows[] } {
    const current: AlertRecord[] = [];
    for (const { integrationId, channelId, alertKey } of planner.identities([push])) {
      const row = this.findAlert.get(alertKey, channelId, integrationId) as
        Record<string, unknown> | undefined;
      if (row) current.push(decodeRow(row, ALERTS.columns, SQLITE_CODEC));
    }
    const before = alertsBefore(current);
    const plan = planner.plan([push], current);
    const encoder = new RowEncoder(SQLITE_CODEC);
    for (const alert of plan.changed) {
      this.updateFolded.run(...encoder.values(alert, this.foldColumns), alert.id);
    }
    const insertAlert = this.insertStatement(ALERTS);
    for (const alert of plan.opened) {
      const values = encoder.values(alert, ALERTS.insertColumns());
      alert.id = Number(insertAlert.run(values).lastInsertRowid);
    }
    for (const alert of plan.repeated) {
      this.updateRepeated.run(...encoder.values(alert, this.repeatColumns), alert.id);
    }
    const events = plan.events();
    // The alerts' encoder: a new alert's labels are its event's, spelled once for both rows.
    this.insertRows(ALERT_EVENTS, events, encoder);
    const { changed, opened, repeated } = plan;
    const contributed = this.contributors.rowsFor({ changed, opened, repeated, events, before });
    for (const { table, rows } of contributed) this.insertRows(table, rows, encoder);
    const [result] = plan.results;
    if (result === undefined) throw new Error('the plan gave no result for the push');
    return { result, contributed };
  }

  private insertRows<Row>(table: Table<Row>, rows: readonly Row[], encoder: RowEncoder) {
    const statement = this.insertStatement(table);
    const columns = table.insertColumns();
    for (const row of rows) statement.run(encoder.values(row, columns));
  }

  private insertStatement<Row>(table: Table<Row>): BetterSqlite3.Statement {
    const key = table as Table<unknown>;
    let statement = this.inserts.get(key);
    if (!statement) {
      statement = this.database.prepare(sqliteInsertSql(table, table.insertColumns()));
      this.inserts.set(key, statement);
    }
    return statement;
  }
}
