import { DataSource } from 'typeorm';
import { postgresPoolOf, sqliteConnectionOf } from '../database/driver-handles.js';
import { PostgresPushLogStore } from './postgres-push-log-store.js';
import type { NewPushLogEntry } from './push-log-rows.js';
import { SqlitePushLogStore } from './sqlite-push-log-store.js';

/**
 * Where the push log is written. Every push adds an entry, so the stores use the database driver
 * directly with prepared statements, as the push writers do: TypeORM's insert builder spent about
 * 20 µs per entry, and each of its writes was a transaction (an fsync on SQLite) of its own.
 */
export interface PushLogStore {
  /** Adds the entries, then drops the entries of their integrations older than the latest `kept`. */
  append(entries: readonly NewPushLogEntry[], kept: number): Promise<void>;
}

/** Injection token of the app's `PushLogStore`. */
export const PUSH_LOG_STORE = Symbol('PushLogStore');

export function pushLogStoreFor(dataSource: DataSource): PushLogStore {
  return dataSource.options.type === 'postgres'
    ? new PostgresPushLogStore(postgresPoolOf(dataSource))
    : new SqlitePushLogStore(sqliteConnectionOf(dataSource));
}
