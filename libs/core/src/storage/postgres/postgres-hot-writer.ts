import type pg from 'pg';
import { RowEncoder, decodeRow } from '../codec.js';
import { integrationIdsOf, type HotWriter } from '../hot-writer.js';
import type { ContributedRows, PushBatchContributors } from '../push-batch-contributor.js';
import { alertsBefore, type AlertIdentity, type PushPlanner } from '../push-batch.js';
import { ALERT_EVENTS, type EventRecord } from '../tables/alert-events.table.js';
import {
  ALERTS,
  ALERT_FOLD_FIELDS,
  ALERT_REPEAT_FIELDS,
  type AlertRecord,
} from '../tables/alerts.table.js';
import { PUSH_LOG, type PushLogRecord } from '../tables/push-log.table.js';
import { bulkInsertSql, bulkRowsJson, bulkUpdateSql } from './postgres-bulk-rows.js';
import { POSTGRES_CODEC } from './postgres-codec.js';
import { PostgresGroupCommit } from './postgres-group-commit.js';
import { inPostgresTransaction, type TransactionQuery } from './postgres-transaction.js';

/** Transactions writing pushes at once; more pushes wait and share the next. */
const BATCHES_IN_FLIGHT = 8;

/** The columns an update binds: the key of each alert, then what it sets. */
const FOLD_COLUMNS = ALERTS.pick(['id', ...ALERT_FOLD_FIELDS]);
const REPEAT_COLUMNS = ALERTS.pick(['id', ...ALERT_REPEAT_FIELDS]);

/**
 * The active alert of each identity (integration, channel, key), else its latest resolved one,
 * found with one index lookup per identity. Each row is locked as its identity is looked up, in
 * the order of the identities: they come sorted, so concurrent pushes of one alert fold in turn
 * and never deadlock.
 *
 * The statements that read existing alerts have no name: node-postgres then sends them
 * unprepared and PostgreSQL plans them for the values of each execution. A prepared statement
 * keeps the generic plan it settles on at its sixth execution, and in a young database the
 * alerts table is then nearly empty: with such a plan each lookup read every alert of the channel
 * (alerts_channel), on every push after that, until an ANALYZE came.
 */
const LOAD_ALERTS = `SELECT alert.* FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
    AS identity(integration_id, channel_id, alert_key)
  CROSS JOIN LATERAL (
    SELECT ${ALERTS.columns.map((column) => column.name).join(', ')} FROM alerts
    WHERE alerts.alert_key = identity.alert_key
      AND alerts.channel_id = identity.channel_id
      AND alerts.integration_id = identity.integration_id
    ORDER BY alerts.status = 'active' DESC, alerts.id DESC
    LIMIT 1) AS alert
  FOR UPDATE OF alert`;

/** Due alerts no push holds; unprepared, so planned for the table as it is (`LOAD_ALERTS`). */
const LOAD_DUE_ALERTS = `SELECT ${ALERTS.columns.map((column) => column.name).join(', ')}
  FROM alerts WHERE status = 'active' AND auto_resolve_at <= $1 ORDER BY id LIMIT $2
  FOR UPDATE SKIP LOCKED`;

/** Active alerts a silence still holds, among ids; unprepared (`LOAD_ALERTS`), skipping those a push holds. */
const LOAD_SILENCED_ALERTS = `SELECT ${ALERTS.columns.map((column) => column.name).join(', ')}
  FROM alerts WHERE id = ANY($1::integer[]) AND status = 'active' AND silenced_by = $2
  ORDER BY id FOR UPDATE SKIP LOCKED`;

const INSERT_ALERTS = {
  name: 'alert-hub-insert-alerts',
  text: `${bulkInsertSql(ALERTS, ALERTS.insertColumns(), 1)}
         RETURNING id, integration_id, channel_id, alert_key`,
};
const UPDATE_FOLDED = { text: bulkUpdateSql(ALERTS, ALERTS.pick(ALERT_FOLD_FIELDS)) };
const UPDATE_REPEATED = { text: bulkUpdateSql(ALERTS, ALERTS.pick(ALERT_REPEAT_FIELDS)) };
const INSERT_EVENTS = {
  name: 'alert-hub-insert-events',
  text: bulkInsertSql(ALERT_EVENTS, ALERT_EVENTS.insertColumns(), 1),
};
const INSERT_PUSH_LOG = {
  name: 'alert-hub-insert-push-log',
  text: bulkInsertSql(PUSH_LOG, PUSH_LOG.insertColumns(), 1),
};
/** Unprepared, so planned for the table as it is: see `LOAD_ALERTS`. */
const TRIM_LOG = `DELETE FROM push_log WHERE integration_id = $1 AND id < (
    SELECT kept.id FROM push_log kept WHERE kept.integration_id = $1
    ORDER BY kept.id DESC LIMIT 1 OFFSET $2)`;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareIdentities = (a: AlertIdentity, b: AlertIdentity): number =>
  compareText(a.integrationId, b.integrationId) ||
  compareText(a.channelId, b.channelId) ||
  compareText(a.alertKey, b.alertKey);

/**
 * The hot writes on PostgreSQL: a batch of pushes in one transaction with a fixed handful of
 * statements, whatever the number of pushes and events: a lookup, an update of the changed
 * alerts, an insert of the new ones, an update of the repeated ones, an insert of the events
 * (which carries the contributors' rows too). Round trips, not rows, are what a push costs here.
 */
export class PostgresHotWriter implements HotWriter {
  constructor(
    private readonly pool: pg.Pool,
    private readonly queryTimeoutMs: number,
    private readonly contributors: PushBatchContributors,
  ) {}

  pushWriter<Push, Result>(planner: PushPlanner<Push, Result>): (push: Push) => Promise<Result> {
    const groupCommit = new PostgresGroupCommit<Push, Result>(async (pushes) => {
      const { results, contributed } = await inPostgresTransaction(
        this.pool,
        this.queryTimeoutMs,
        (query) => this.writePushes(query, pushes, planner),
      );
      this.contributors.committed(contributed);
      return results;
    }, BATCHES_IN_FLIGHT);
    return (push) => groupCommit.run(push);
  }

  async resolveDueAlerts(
    now: Date,
    limit: number,
    resolve: (alert: AlertRecord) => void,
  ): Promise<number> {
    return this.changeAlerts(
      { text: LOAD_DUE_ALERTS, values: [now.toISOString(), limit] },
      resolve,
    );
  }

  changeSilencedAlerts(
    ids: readonly number[],
    silenceId: string,
    change: (alert: AlertRecord) => void,
  ): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return this.changeAlerts({ text: LOAD_SILENCED_ALERTS, values: [ids, silenceId] }, change);
  }

  /** Changes the alerts `load` finds, with the contributors' rows, in one transaction. */
  private async changeAlerts(
    load: pg.QueryConfig,
    change: (alert: AlertRecord) => void,
  ): Promise<number> {
    const { count, contributed } = await inPostgresTransaction(
      this.pool,
      this.queryTimeoutMs,
      async (query) => {
        const { rows } = await query<Record<string, unknown>>(load);
        const changed = rows.map((row) => decodeRow(row, ALERTS.columns, POSTGRES_CODEC));
        if (changed.length === 0) return { count: 0, contributed: [] };
        const before = alertsBefore(changed);
        for (const alert of changed) change(alert);
        const encoder = new RowEncoder(POSTGRES_CODEC);
        await query({ ...UPDATE_FOLDED, values: [bulkRowsJson(changed, FOLD_COLUMNS, encoder)] });
        const batch = { changed, opened: [], repeated: [], events: [], before };
        const contributed = this.contributors.rowsFor(batch);
        if (contributed.length > 0) {
          await query(eventsWithContributions([], contributed, encoder));
        }
        return { count: changed.length, contributed };
      },
    );
    this.contributors.committed(contributed);
    return count;
  }

  async appendPushLog(entries: readonly PushLogRecord[], kept: number): Promise<void> {
    const rows = bulkRowsJson(entries, PUSH_LOG.insertColumns(), new RowEncoder(POSTGRES_CODEC));
    await this.pool.query({ ...INSERT_PUSH_LOG, values: [rows] });
    for (const integrationId of integrationIdsOf(entries)) {
      await this.pool.query({ text: TRIM_LOG, values: [integrationId, kept - 1] });
    }
  }

  private async writePushes<Push, Result>(
    query: TransactionQuery,
    pushes: Push[],
    planner: PushPlanner<Push, Result>,
  ): Promise<{ results: Result[]; contributed: ContributedRows[] }> {
    const current = await this.loadAlerts(query, planner.identities(pushes));
    const before = alertsBefore(current);
    const plan = planner.plan(pushes, current);
    const encoder = new RowEncoder(POSTGRES_CODEC);
    const { changed, opened, repeated } = plan;
    if (changed.length > 0) {
      const rows = bulkRowsJson(changed, FOLD_COLUMNS, encoder);
      await query({ ...UPDATE_FOLDED, values: [rows] });
    }
    if (opened.length > 0) await this.insertAlerts(query, opened, encoder);
    if (repeated.length > 0) {
      const rows = bulkRowsJson(repeated, REPEAT_COLUMNS, encoder);
      await query({ ...UPDATE_REPEATED, values: [rows] });
    }
    const events = plan.events();
    const contributed = this.contributors.rowsFor({ changed, opened, repeated, events, before });
    if (events.length > 0 || contributed.length > 0) {
      await query(eventsWithContributions(events, contributed, encoder));
    }
    return { results: plan.results, contributed };
  }

  private async loadAlerts(
    query: TransactionQuery,
    identities: AlertIdentity[],
  ): Promise<AlertRecord[]> {
    if (identities.length === 0) return [];
    identities.sort(compareIdentities);
    const { rows } = await query<Record<string, unknown>>({
      text: LOAD_ALERTS,
      values: [
        identities.map((identity) => identity.integrationId),
        identities.map((identity) => identity.channelId),
        identities.map((identity) => identity.alertKey),
      ],
    });
    return rows.map((row) => decodeRow(row, ALERTS.columns, POSTGRES_CODEC));
  }

  private async insertAlerts(
    query: TransactionQuery,
    opened: AlertRecord[],
    encoder: RowEncoder,
  ): Promise<void> {
    const result = await query<{
      id: string | number;
      integration_id: string;
      channel_id: string;
      alert_key: string;
    }>({ ...INSERT_ALERTS, values: [bulkRowsJson(opened, ALERTS.insertColumns(), encoder)] });
    // RETURNING gives the rows in the order of the JSON array, as every PostgreSQL does for an
    // insert without ORDER BY; the check turns a surprise into a failed push, not wrong ids.
    opened.forEach((alert, index) => {
      const row = result.rows[index];
      if (
        row?.integration_id !== alert.integrationId ||
        row.channel_id !== alert.channelId ||
        row.alert_key !== alert.alertKey
      ) {
        throw new Error('the ids of the new alerts came back out of order');
      }
      alert.id = Number(row.id);
    });
  }
}

/**
 * The insert of the events, with each contributed table's rows as a data-modifying CTE of the
 * same statement: PostgreSQL runs every such CTE once, whether the statement reads it or not.
 * Without contributions it is the one prepared statement `INSERT_EVENTS`.
 */
function eventsWithContributions(
  events: readonly EventRecord[],
  contributed: readonly ContributedRows[],
  encoder: RowEncoder,
): pg.QueryConfig {
  const eventRows = bulkRowsJson(events, ALERT_EVENTS.insertColumns(), encoder);
  if (contributed.length === 0) return { ...INSERT_EVENTS, values: [eventRows] };
  const ctes = contributed.map(
    ({ table }, index) =>
      `contributed_${index} AS (${bulkInsertSql(table, table.insertColumns(), index + 2)})`,
  );
  return {
    text: `WITH ${ctes.join(', ')} ${INSERT_EVENTS.text}`,
    values: [
      eventRows,
      ...contributed.map(({ table, rows }) => bulkRowsJson(rows, table.insertColumns(), encoder)),
    ],
  };
}
