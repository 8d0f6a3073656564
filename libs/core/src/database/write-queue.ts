import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SerialQueue } from './serial-queue.js';

/**
 * Where the TypeORM writes of the process go (routes, retention). On SQLite the driver has one
 * connection: a write run beside another's open transaction would join it (and roll back with
 * it), so they take turns. Pushes and the push log do not queue here: their group commits run
 * synchronously and wait while one of these transactions is open. PostgreSQL gives each write its own pooled
 * connection: they run at once.
 */
@Injectable()
export class WriteQueue {
  private readonly sqliteWriter: SerialQueue | null;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sqliteWriter = dataSource.options.type === 'postgres' ? null : new SerialQueue();
  }

  run<T>(write: () => Promise<T>): Promise<T> {
    return this.sqliteWriter ? this.sqliteWriter.run(write) : write();
  }
}
