import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';
import { TEST_DATABASE, withAdminClient } from './test-database.js';

function databaseName(t: TestApp): string {
  return new URL(t.database.url).pathname.slice(1);
}

/**
 * Takes the app's database away, as an outage would. PostgreSQL: the database stops accepting
 * connections and the app's are terminated, so every query must open a new one, which fails.
 * SQLite (a file, no server): the app's one connection to it is closed under it.
 */
export async function cutDatabaseOff(t: TestApp): Promise<void> {
  if (TEST_DATABASE === 'sqlite') {
    const { driver } = t.app.get(DataSource);
    (driver as unknown as { databaseConnection: { close(): void } }).databaseConnection.close();
    return;
  }
  const name = databaseName(t);
  await withAdminClient(async (client) => {
    await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
  });
}

/** Ends an outage on PostgreSQL; on SQLite there is no way back for the closed connection. */
export async function restoreDatabase(t: TestApp): Promise<boolean> {
  if (TEST_DATABASE === 'sqlite') return false;
  await withAdminClient((client) =>
    client.query(`ALTER DATABASE ${databaseName(t)} ALLOW_CONNECTIONS true`),
  );
  return true;
}
