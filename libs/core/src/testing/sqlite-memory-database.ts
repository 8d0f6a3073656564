import { DataSource } from 'typeorm';
import { CORE_ENTITIES } from '../core-entities.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { runMigrations } from '../database/run-migrations.js';

/**
 * A fresh in-memory SQLite database with the whole schema, for unit tests of services that
 * read and write tables: the real SQL, none of a server's start-up. Destroy it after the test.
 */
export async function sqliteMemoryDatabase(): Promise<DataSource> {
  const dataSource = await new DataSource(
    dataSourceOptions({ type: 'sqlite', path: ':memory:' }, CORE_ENTITIES),
  ).initialize();
  await runMigrations(dataSource);
  return dataSource;
}
