import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqliteWriteQueue } from './sqlite/sqlite-write-queue.js';
import { sqliteConnectionOf } from './storage-handles.js';

/**
 * Where every write of the process goes. On SQLite, one queue (`SqliteWriteQueue`) on the one
 * connection: an admin write given to `run` and the hot writes of the storage layer take turns,
 * so that none joins another's open transaction. On PostgreSQL each write gets its own pooled
 * connection and they run at once.
 */
@Injectable()
export class WriteQueue {
  /** Null on PostgreSQL. */
  readonly sqlite: SqliteWriteQueue | null;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sqlite =
      dataSource.options.type === 'postgres'
        ? null
        : new SqliteWriteQueue(sqliteConnectionOf(dataSource));
  }

  /** Runs a write made through TypeORM (or the data source) in its turn. */
  run<T>(write: () => Promise<T>): Promise<T> {
    return this.sqlite ? this.sqlite.run(write) : write();
  }

  /**
   * Runs a write that the process redoes if a power failure loses it (the notification worker's
   * bookkeeping: a lost "delivered" means one more delivery, which receivers drop by id). On
   * SQLite its commit does not wait for the disk: in WAL mode it still commits whole and in
   * order, and the next synced commit syncs it too. A commit that did wait costs the event loop
   * the sync, about a millisecond here, and the worker commits many times a second. On
   * PostgreSQL, the same as `run`.
   */
  runRedoable<T>(write: () => Promise<T>): Promise<T> {
    return this.sqlite ? this.sqlite.runRedoable(write) : write();
  }
}
