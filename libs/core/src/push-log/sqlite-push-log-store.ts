import type BetterSqlite3 from 'better-sqlite3';
import { SqliteGroupCommit } from '../database/sqlite-group-commit.js';
import { encodeSqliteTime } from '../database/sqlite-time.js';
import type { PushLogStore } from './push-log-store.js';
import {
  PUSH_LOG_COLUMNS,
  integrationIdsOf,
  pushLogValues,
  type NewPushLogEntry,
} from './push-log-rows.js';

/**
 * The push log on SQLite: a batch of entries and the trims of their integrations' logs in one
 * transaction. It goes through a group commit of its own on the app's one connection, so it
 * waits while a TypeORM transaction is open instead of joining it, and runs in one go.
 */
export class SqlitePushLogStore implements PushLogStore {
  private readonly insert: BetterSqlite3.Statement;
  private readonly trim: BetterSqlite3.Statement;
  private readonly transactions: SqliteGroupCommit;

  constructor(database: BetterSqlite3.Database) {
    this.insert = database.prepare(
      `INSERT INTO push_log (${PUSH_LOG_COLUMNS.join(', ')})
       VALUES (${PUSH_LOG_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.trim = database.prepare(
      `DELETE FROM push_log WHERE integration_id = ? AND id < (
         SELECT kept.id FROM push_log kept WHERE kept.integration_id = ?
         ORDER BY kept.id DESC LIMIT 1 OFFSET ?)`,
    );
    this.transactions = new SqliteGroupCommit(database);
  }

  append(entries: readonly NewPushLogEntry[], kept: number): Promise<void> {
    return this.transactions.run(() => {
      for (const entry of entries) this.insert.run(pushLogValues(entry, encodeSqliteTime));
      for (const integrationId of integrationIdsOf(entries)) {
        this.trim.run(integrationId, integrationId, kept - 1);
      }
    });
  }
}
