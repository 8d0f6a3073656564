import { DataSource } from 'typeorm';
import { CORE_ENTITIES } from '../core-entities.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { runMigrations } from '../database/run-migrations.js';

/** A SQLite database in memory with every migration applied: the schema the server runs on. */
export async function migratedSqlite(): Promise<DataSource> {
  const dataSource = await new DataSource(
    dataSourceOptions({ type: 'sqlite', path: ':memory:' }, CORE_ENTITIES),
  ).initialize();
  await runMigrations(dataSource);
  return dataSource;
}
