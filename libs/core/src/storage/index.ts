/**
 * The storage layer: the hot writes (alerts, events, push log) and the rules every write of the
 * process follows. Start here before writing to the database.
 *
 * Rules:
 * 1. Every write on SQLite goes through the one `WriteQueue` of the app. A TypeORM write (a
 *    `save`, `insert`, `update`, `delete`, a query builder's `execute`, a transaction) is wrapped
 *    in `writes.run(() => …)`; the hot writes take their turns in the same queue, grouped into
 *    one transaction per turn. SQLite has one connection: a write run beside another's open
 *    transaction would join it, and roll back with it. A write that bypasses the queue and leaves
 *    a transaction open makes the next hot write fail loudly ("bypassed the SQLite write queue").
 *    On PostgreSQL `run` simply runs the write on a pooled connection. A write that the process
 *    does again if a power failure loses it (the notification worker's bookkeeping) may use
 *    `runRedoable`: on SQLite its commit does not wait for the disk.
 * 2. A hot table's columns are declared once, in `tables/*.table.ts` (SQL name, kind, nullability,
 *    keyed by the field of the record type). The SQL, the bound values and the decoding of both
 *    writers are derived from the declaration. A new column is one field in the record type, one
 *    line in the declaration and one migration; at start-up `StorageSchemaCheck` refuses to run
 *    when a declaration and the migrated schema disagree.
 * 3. One writer per dialect behind `HotWriter`: `SqliteHotWriter` (prepared statements in the
 *    write queue's turns) and `PostgresHotWriter` (one bulk strategy for every table,
 *    `postgres-bulk-rows.ts`). Only the storage layer reaches into TypeORM's driver
 *    (`storage-handles.ts`). Elsewhere, a statement that runs many times a second and that
 *    TypeORM's builders make costly (the notification worker's claims) is written once, with `?`
 *    placeholders, through `SqlDialect`: lists and rows bound as one parameter, rows decoded by a
 *    `Table` declaration.
 * 4. A feature whose rows must commit with the alert writes that cause them adds a
 *    `PushBatchContributor` to `PushBatchContributors`: it sees each batch's alerts as written
 *    and as they were before (`WrittenPushBatch.before`); its rows ride in the events' statement
 *    on PostgreSQL and in the same transaction on SQLite, with no round trip of their own; it is
 *    told after the commit. Pushes, the auto-resolve sweep (`resolveDueAlerts`) and the silence
 *    sweep (`changeSilencedAlerts`) all ask it; a change of an alert's status, severity or
 *    silence written elsewhere would escape it. (Silencing one alert by hand, which announces
 *    nothing, is the one write of those columns outside this layer.)
 */
export { type ColumnKind, type ColumnSpec, type ColumnSpecs, Table } from './table.js';
export { type HotWriter, HOT_WRITER } from './hot-writer.js';
export type {
  AlertIdentity,
  AlertWrites,
  PushBatchPlan,
  PushPlanner,
  WrittenPushBatch,
} from './push-batch.js';
export {
  type ContributedRows,
  type PushBatchContributor,
  PushBatchContributors,
  rowsOf,
} from './push-batch-contributor.js';
export { SchemaMismatchError } from './schema-check.js';
export { type BoundColumn, SqlDialect } from './sql-dialect.js';
export { StorageModule } from './storage.module.js';
export { postgresPoolOf } from './storage-handles.js';
export { WriteQueue } from './write-queue.js';
export {
  ALERTS,
  ALERT_FOLD_FIELDS,
  ALERT_REPEAT_FIELDS,
  type AlertRecord,
  type AlertStatus,
} from './tables/alerts.table.js';
export { ALERT_EVENTS, type EventRecord } from './tables/alert-events.table.js';
export { PUSH_LOG, type PushLogRecord } from './tables/push-log.table.js';
