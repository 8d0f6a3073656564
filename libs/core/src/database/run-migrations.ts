import type { DataSource } from 'typeorm';

/** Any fixed number: it names the lock that lets one replica at a time migrate the schema. */
const MIGRATION_LOCK_ID = 741_852_963;

/**
 * Applies pending migrations. On PostgreSQL several replicas may start at once: an advisory lock
 * makes the others wait and then find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await runner.release();
  }
}
