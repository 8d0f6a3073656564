import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { HOT_WRITER, type HotWriter } from './hot-writer.js';
import { PostgresHotWriter } from './postgres/postgres-hot-writer.js';
import { PushBatchContributors } from './push-batch-contributor.js';
import { SqliteHotWriter } from './sqlite/sqlite-hot-writer.js';
import { postgresPoolOf, sqliteConnectionOf } from './storage-handles.js';
import { WriteQueue } from './write-queue.js';

/** How long a query storing pushes may go unanswered on PostgreSQL, unless configured. */
const DEFAULT_PUSH_QUERY_TIMEOUT_MS = 30_000;

/** The writer of the app's dialect. */
export const HOT_WRITER_PROVIDER: Provider = {
  provide: HOT_WRITER,
  inject: [getDataSourceToken(), WriteQueue, PushBatchContributors, CORE_OPTIONS],
  useFactory: (
    dataSource: DataSource,
    writes: WriteQueue,
    contributors: PushBatchContributors,
    options: CoreOptions,
  ): HotWriter => {
    if (options.database.type === 'postgres') {
      return new PostgresHotWriter(
        postgresPoolOf(dataSource),
        options.database.pushQueryTimeoutMs ?? DEFAULT_PUSH_QUERY_TIMEOUT_MS,
        contributors,
      );
    }
    if (!writes.sqlite) throw new Error('the SQLite write queue is missing');
    return new SqliteHotWriter(sqliteConnectionOf(dataSource), writes.sqlite, contributors);
  },
};
