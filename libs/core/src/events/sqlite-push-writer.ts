import type BetterSqlite3 from 'better-sqlite3';
import { decodeSqliteTime, encodeSqliteTime } from '../database/sqlite-time.js';
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
  jsonText,
  type ColumnEncoding,
} from './push-columns.js';
import { WritePlan, alertIdentities, alertsByIdentity } from './push-plan.js';
import { storedRawJson } from './stored-raw.js';

/** Times and JSON as TypeORM writes them in SQLite: as text; each distinct one once per push. */
function sqliteEncoding(maxEventRawBytes: number): ColumnEncoding {
  const json = encodedOnce(jsonText, (value) => value);
  return {
    time: encodedOnce(encodeSqliteTime, (date) => date.getTime()),
    json: (value) => (typeof value === 'object' && value !== null ? json(value) : jsonText(value)),
    // An event routed to several channels is one raw JSON for all its rows.
    raw: encodedOnce(
      (value) => storedRawJson(value, maxEventRawBytes),
      (value) => value,
    ),
  };
}

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

function updateSql(columns: readonly string[]): string {
  return `UPDATE alerts SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`;
}

/**
 * Writes one push with prepared statements, synchronously: meant to run inside a transaction of
 * `SqliteGroupCommit`. In SQLite a statement costs no round trip, so one per row is cheap.
 */
export class SqlitePushWriter {
  private readonly findAlert: BetterSqlite3.Statement;
  private readonly insertAlert: BetterSqlite3.Statement;
  private readonly updateAlert: BetterSqlite3.Statement;
  private readonly updateRepeat: BetterSqlite3.Statement;
  private readonly insertEvent: BetterSqlite3.Statement;

  constructor(
    database: BetterSqlite3.Database,
    private readonly maxEventRawBytes: number,
  ) {
    // The active alert of an identity, else its latest resolved one (alerts_identity serves it).
    this.findAlert = database.prepare(
      `SELECT ${ALERT_SELECT_COLUMNS.join(', ')} FROM alerts
       WHERE alert_key = ? AND channel_id = ? AND integration_id = ?
       ORDER BY status = 'active' DESC, id DESC LIMIT 1`,
    );
    this.insertAlert = database.prepare(insertSql('alerts', ALERT_INSERT_COLUMNS));
    this.updateAlert = database.prepare(updateSql(ALERT_UPDATE_COLUMNS));
    this.updateRepeat = database.prepare(updateSql(ALERT_REPEAT_COLUMNS));
    this.insertEvent = database.prepare(insertSql('alert_events', EVENT_INSERT_COLUMNS));
  }

  write(push: PushToStore): PushSummary {
    const alerts: Alert[] = [];
    for (const { integrationId, channelId, alertKey } of alertIdentities([push])) {
      const row = this.findAlert.get(alertKey, channelId, integrationId) as
        Record<string, unknown> | undefined;
      if (row) alerts.push(alertFromRow(row, decodeSqliteTime));
    }
    const plan = new WritePlan(alertsByIdentity(alerts));
    const summary = plan.add(push);
    const { opened, changed, repeated } = plan.alertWrites();
    const encoding = sqliteEncoding(this.maxEventRawBytes);
    for (const alert of changed) {
      this.updateAlert.run(...alertValues(alert, ALERT_UPDATE_COLUMNS, encoding), alert.id);
    }
    for (const alert of opened) {
      const values = alertValues(alert, ALERT_INSERT_COLUMNS, encoding);
      alert.id = Number(this.insertAlert.run(values).lastInsertRowid);
    }
    for (const alert of repeated) {
      this.updateRepeat.run(...alertValues(alert, ALERT_REPEAT_COLUMNS, encoding), alert.id);
    }
    for (const { row } of plan.rows) this.insertEvent.run(eventValues(row, push, encoding));
    return summary;
  }
}
