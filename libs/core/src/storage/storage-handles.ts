import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The driver objects TypeORM keeps, which the storage layer's writers use directly. The one
 * place that reaches into TypeORM's driver: nothing outside the storage layer needs a handle.
 */
interface DriverHandles {
  databaseConnection?: BetterSqlite3.Database;
  master?: pg.Pool;
}

/** The one better-sqlite3 connection of a SQLite data source. */
export function sqliteConnectionOf(dataSource: DataSource): BetterSqlite3.Database {
  const { databaseConnection } = dataSource.driver as unknown as DriverHandles;
  if (!databaseConnection) throw new Error('the SQLite database is not open');
  return databaseConnection;
}

/** The node-postgres pool of a PostgreSQL data source. */
export function postgresPoolOf(dataSource: DataSource): pg.Pool {
  const { master } = dataSource.driver as unknown as DriverHandles;
  if (!master) throw new Error('the PostgreSQL pool is not open');
  return master;
}
