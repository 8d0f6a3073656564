import type pg from 'pg';
import { byColumn, unnestOf } from '../database/postgres-unnest.js';
import type { PushLogStore } from './push-log-store.js';
import {
  PUSH_LOG_COLUMNS,
  integrationIdsOf,
  pushLogValues,
  type NewPushLogEntry,
} from './push-log-rows.js';

/** The PostgreSQL type of the columns that are not text, for the `unnest` arrays. */
const COLUMN_TYPES: Record<string, string> = {
  received_at: 'timestamptz',
  http_status: 'integer',
  events: 'integer',
  stored: 'integer',
  deduplicated: 'integer',
  unrouted: 'integer',
  beats: 'integer',
  duration_ms: 'integer',
};

const INSERT_ENTRIES = {
  name: 'alert-hub-insert-push-log',
  text: `INSERT INTO push_log (${PUSH_LOG_COLUMNS.join(', ')})
         SELECT * FROM ${unnestOf(PUSH_LOG_COLUMNS, COLUMN_TYPES)}`,
};
/** Unprepared, so planned for the table as it is: see the alert lookups of the push writer. */
const TRIM_LOG = {
  text: `DELETE FROM push_log WHERE integration_id = $1 AND id < (
           SELECT kept.id FROM push_log kept WHERE kept.integration_id = $1
           ORDER BY kept.id DESC LIMIT 1 OFFSET $2)`,
};

const keepTime = (date: Date): Date => date;

/** The push log on PostgreSQL: one insert per batch of entries, then one trim per integration. */
export class PostgresPushLogStore implements PushLogStore {
  constructor(private readonly pool: pg.Pool) {}

  async append(entries: readonly NewPushLogEntry[], kept: number): Promise<void> {
    const rows = entries.map((entry) => pushLogValues(entry, keepTime));
    await this.pool.query({ ...INSERT_ENTRIES, values: byColumn(rows, PUSH_LOG_COLUMNS.length) });
    for (const integrationId of integrationIdsOf(entries)) {
      await this.pool.query({ ...TRIM_LOG, values: [integrationId, kept - 1] });
    }
  }
}
