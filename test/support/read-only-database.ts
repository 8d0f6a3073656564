import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessUser } from './managed-process.js';
import { ServerProcess } from './server-process.js';
import { TEST_DATABASE, withAdminClient, type TestDatabase } from './test-database.js';
import { startTestApp, type HttpClients } from './test-app.js';

export interface ReadOnlyServer extends HttpClients {
  stop(): Promise<void>;
}

/** The unprivileged user `nobody`: root writes a file whatever its mode says. */
function nobody(): ProcessUser {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * SQLite: the database file is read-only (mode 0444) for the user the server runs as, in a data
 * directory that user owns, as after a restore made by another user. SQLite then opens the file
 * read-only: reads work, every write fails with SQLITE_READONLY. Under root (as here) the
 * server runs as `nobody`, the owner of the copy.
 */
async function startOnReadOnlySqlite(
  database: TestDatabase,
  adminToken: string,
): Promise<ReadOnlyServer> {
  const user = process.getuid?.() === 0 ? nobody() : undefined;
  const files = readdirSync(database.dataDir).map((name) => join(database.dataDir, name));
  for (const path of [database.dataDir, ...files]) {
    if (user) chownSync(path, user.uid, user.gid);
  }
  for (const file of files) chmodSync(file, 0o444);
  const server = await ServerProcess.start({ database, adminToken, user });
  return {
    http: server.http,
    admin: server.admin,
    stop: async () => {
      await server.stop();
    },
  };
}

/**
 * PostgreSQL: the database opens every transaction read-only (`default_transaction_read_only`),
 * as a hot standby does after a failover points the server at it: reads work, every write fails
 * with 25006 (read_only_sql_transaction).
 */
async function startOnReadOnlyPostgres(database: TestDatabase): Promise<ReadOnlyServer> {
  const name = new URL(database.url).pathname.slice(1);
  await withAdminClient((client) =>
    client.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`),
  );
  const t = await startTestApp({ database });
  return { http: t.http, admin: t.admin, stop: () => t.app.close() };
}

/**
 * Starts Alert Hub on an existing database (schema migrated, data in it) that it may read but
 * not write. The admin token is any the server may take: nothing stores it in the database.
 */
export function startOnReadOnlyDatabase(
  database: TestDatabase,
  adminToken: string,
): Promise<ReadOnlyServer> {
  return TEST_DATABASE === 'sqlite'
    ? startOnReadOnlySqlite(database, adminToken)
    : startOnReadOnlyPostgres(database);
}
