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
}
