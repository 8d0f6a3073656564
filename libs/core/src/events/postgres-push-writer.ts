import type pg from 'pg';
import { isDatabaseUnavailable } from '../database/database-unavailable.js';
import { postgresTime } from '../database/postgres-time.js';
import type { Alert } from './alert.entity.js';
import type { PushSummary, PushToStore } from './normalized-event.js';
import {
  ALERT_INSERT_COLUMNS,
  ALERT_REPEAT_COLUMNS,
  ALERT_SELECT_COLUMNS,
  ALERT_UPDATE_COLUMNS,
  EVENT_INSERT_COLUMNS,
  alertFromRow,
  alertValues,
  encodedOnce,
  eventValues,
  type ColumnEncoding,
} from './push-columns.js';
import { WritePlan, alertIdentities, alertsByIdentity } from './push-plan.js';
import { storedRawJson } from './stored-raw.js';

/** The PostgreSQL type of each column the writer binds, for the `unnest` arrays. */
const COLUMN_TYPES: Record<string, string> = {
  id: 'bigint',
  alert_id: 'bigint',
  description: 'text',
  labels: 'jsonb',
  annotations: 'jsonb',
  links: 'jsonb',
  pipeline_steps: 'jsonb',
  raw: 'jsonb',
  starts_at: 'timestamptz',
  ends_at: 'timestamptz',
  resolved_at: 'timestamptz',
  auto_resolve_at: 'timestamptz',
  unsilenced_at: 'timestamptz',
  last_event_at: 'timestamptz',
  last_seen_at: 'timestamptz',
  event_time: 'timestamptz',
  received_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  event_count: 'integer',
  repeat_count: 'integer',
};

/**
 * The rows of a statement, bound as one JSON array of objects (`$1`) and read back as a table
 * `v`. One array per column (`unnest`) cost more on both sides: node-postgres escaped every
 * element of every array, and PostgreSQL parsed each array, then each JSON value in it again.
 */
function recordsOf(columns: readonly string[]): string {
  return `jsonb_to_recordset($1::jsonb) AS v(${columnTypes(columns)})`;
}

function columnTypes(columns: readonly string[]): string {
  return columns.map((column) => `${column} ${COLUMN_TYPES[column] ?? 'text'}`).join(', ');
}

/** The value of `recordsOf(columns)`: each row's values in the order of `columns`. */
function recordsJson(columns: readonly string[], rows: readonly unknown[][]): string {
  return JSON.stringify(
    rows.map((values) => {
      const record: Record<string, unknown> = {};
      columns.forEach((column, index) => {
        record[column] = values[index];
      });
      return record;
    }),
  );
}

/**
 * Times as ISO text (each distinct one spelled once per batch), JSON values as they are: both
 * become part of the rows' JSON. Raw JSON is encoded to be measured, and that text is sent
 * (`INSERT_EVENTS`), never encoded again.
 */
function recordEncoding(maxEventRawBytes: number): ColumnEncoding {
  return {
    time: encodedOnce(postgresTime, (date) => date.getTime()),
    json: (value) => value ?? null,
    raw: encodedOnce(
      (value) => storedRawJson(value, maxEventRawBytes),
      (value) => value,
    ),
  };
}

function updateSql(columns: readonly string[]): string {
  const sets = columns.map((column) => `${column} = v.${column}`).join(', ');
  return `UPDATE alerts AS a SET ${sets} FROM ${recordsOf(['id', ...columns])} WHERE a.id = v.id`;
}

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
const LOAD_ALERTS = {
  text: `SELECT alert.* FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
           AS identity(integration_id, channel_id, alert_key)
         CROSS JOIN LATERAL (
           SELECT ${ALERT_SELECT_COLUMNS.join(', ')} FROM alerts
           WHERE alerts.alert_key = identity.alert_key
             AND alerts.channel_id = identity.channel_id
             AND alerts.integration_id = identity.integration_id
           ORDER BY alerts.status = 'active' DESC, alerts.id DESC
           LIMIT 1) AS alert
         FOR UPDATE OF alert`,
};
const INSERT_ALERTS = {
  name: 'alert-hub-insert-alerts',
  text: `INSERT INTO alerts (${ALERT_INSERT_COLUMNS.join(', ')})
         SELECT * FROM ${recordsOf(ALERT_INSERT_COLUMNS)}
         RETURNING id, integration_id, channel_id, alert_key`,
};
const UPDATE_ALERTS = { text: updateSql(ALERT_UPDATE_COLUMNS) };
const UPDATE_REPEATS = { text: updateSql(ALERT_REPEAT_COLUMNS) };
/** The event columns but `raw`, which `eventValues` gives last. */
const EVENT_RECORD_COLUMNS = EVENT_INSERT_COLUMNS.slice(0, -1);
if (EVENT_INSERT_COLUMNS.at(-1) !== 'raw') throw new Error('the raw JSON must be the last column');

/**
 * The events' raw JSON comes as a second array (`$2`), beside the rows, built from the texts
 * `storedRawJson` measured: splicing each into its row's JSON cost more than this.
 */
const INSERT_EVENTS = {
  name: 'alert-hub-insert-events',
  text: `INSERT INTO alert_events (${EVENT_INSERT_COLUMNS.join(', ')})
         SELECT * FROM ROWS FROM (
           jsonb_to_recordset($1::jsonb) AS (${columnTypes(EVENT_RECORD_COLUMNS)}),
           jsonb_array_elements($2::jsonb))`,
};

/** node-postgres honours `query_timeout` per query; its types list it for clients only. */
type TimedQuery = pg.QueryConfig & { query_timeout: number };

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const readTime = (value: unknown): Date =>
  value instanceof Date ? value : new Date(value as string);

/**
 * Writes pushes in one transaction with a fixed handful of prepared statements, whatever the
 * number of pushes and events: a lookup, an insert of the new alerts, updates, an insert of the
 * events. Round trips, not rows, are what a push costs here.
 */
export class PostgresPushWriter {
  constructor(
    private readonly pool: pg.Pool,
    private readonly queryTimeoutMs: number,
    private readonly maxEventRawBytes: number,
  ) {}

  async write(pushes: readonly PushToStore[]): Promise<PushSummary[]> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A connection that drops between two queries reports it as an event, not as a failed
    // query; unheard, that event would crash the process. The next query fails on its own.
    const onConnectionError = (error: Error) => {
      broken = error;
    };
    client.on('error', onConnectionError);
    try {
      await this.query(client, { text: 'BEGIN' });
      try {
        const summaries = await this.writeIn(client, pushes);
        await this.query(client, { text: 'COMMIT' });
        return summaries;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) {
          await this.query(client, { text: 'ROLLBACK' }).catch((rollbackError: Error) => {
            broken = rollbackError;
          });
        }
        throw error;
      }
    } catch (error) {
      // A connection that is gone or silent (a query that timed out is still running on it)
      // cannot roll back, nor serve anyone else: closing it ends the transaction on the server.
      if (isDatabaseUnavailable(error)) broken = error as Error;
      throw error;
    } finally {
      client.off('error', onConnectionError);
      // A connection that failed or cannot even roll back is closed rather than reused.
      client.release(broken);
    }
  }

  private async writeIn(
    client: pg.PoolClient,
    pushes: readonly PushToStore[],
  ): Promise<PushSummary[]> {
    const plan = new WritePlan(await this.loadAlerts(client, pushes));
    const summaries = pushes.map((push) => plan.add(push));
    const { opened, changed, repeated } = plan.alertWrites();
    const encoding = recordEncoding(this.maxEventRawBytes);
    if (changed.length > 0) {
      await this.updateAlerts(client, UPDATE_ALERTS, ALERT_UPDATE_COLUMNS, changed, encoding);
    }
    if (opened.length > 0) await this.insertAlerts(client, opened, encoding);
    if (repeated.length > 0) {
      await this.updateAlerts(client, UPDATE_REPEATS, ALERT_REPEAT_COLUMNS, repeated, encoding);
    }
    if (plan.rows.length > 0) {
      const rows = plan.rows.map(({ row, push }) => eventValues(row, push, encoding));
      await this.query(client, {
        ...INSERT_EVENTS,
        values: [
          recordsJson(EVENT_RECORD_COLUMNS, rows),
          `[${rows.map((row) => row.at(-1)).join(',')}]`,
        ],
      });
    }
    return summaries;
  }

  /**
   * A query that fails when no answer came within the timeout: on a network that went silent
   * without closing the connection, a push would otherwise wait until TCP gives up.
   */
  private query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    client: pg.PoolClient,
    query: pg.QueryConfig,
  ): Promise<pg.QueryResult<R>> {
    const timed: TimedQuery = { ...query, query_timeout: this.queryTimeoutMs };
    return client.query<R>(timed);
  }

  private async loadAlerts(
    client: pg.PoolClient,
    pushes: readonly PushToStore[],
  ): Promise<Map<string, Alert>> {
    const identities = alertIdentities(pushes);
    if (identities.length === 0) return new Map();
    identities.sort(
      (a, b) =>
        compareText(a.integrationId, b.integrationId) ||
        compareText(a.channelId, b.channelId) ||
        compareText(a.alertKey, b.alertKey),
    );
    const { rows } = await this.query<Record<string, unknown>>(client, {
      ...LOAD_ALERTS,
      values: [
        identities.map((identity) => identity.integrationId),
        identities.map((identity) => identity.channelId),
        identities.map((identity) => identity.alertKey),
      ],
    });
    return alertsByIdentity(rows.map((row) => alertFromRow(row, readTime)));
  }

  private async insertAlerts(
    client: pg.PoolClient,
    opened: Alert[],
    encoding: ColumnEncoding,
  ): Promise<void> {
    const rows = opened.map((alert) => alertValues(alert, ALERT_INSERT_COLUMNS, encoding));
    const result = await this.query<{
      id: string | number;
      integration_id: string;
      channel_id: string;
      alert_key: string;
    }>(client, {
      ...INSERT_ALERTS,
      values: [recordsJson(ALERT_INSERT_COLUMNS, rows)],
    });
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

  private async updateAlerts(
    client: pg.PoolClient,
    statement: { text: string },
    columns: Parameters<typeof alertValues>[1],
    changed: Alert[],
    encoding: ColumnEncoding,
  ): Promise<void> {
    const rows = changed.map((alert) => [alert.id, ...alertValues(alert, columns, encoding)]);
    await this.query(client, { ...statement, values: [recordsJson(['id', ...columns], rows)] });
  }
}
