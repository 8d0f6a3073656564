import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SerialQueue } from './serial-queue.js';

/**
 * Where every write of the process goes. On SQLite the driver has one connection: a write run
 * beside a push's transaction would join that transaction (and roll back with it), so writes
 * take turns. PostgreSQL gives each its own pooled connection: they run at once.
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
