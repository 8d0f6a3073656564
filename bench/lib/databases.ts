import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

/** A database made for one benchmark run and dropped after it. */
export interface BenchDatabase {
  kind: DatabaseKind;
  /** As DATABASE_URL: `sqlite:///…` or `postgres://…`. */
  url: string;
  /** The SQLite file, or the PostgreSQL connection string. */
  location: string;
  dir: string;
  /** One number from a query such as `SELECT COUNT(*) FROM t`. */
  count(sql: string): Promise<number>;
  drop(): Promise<void>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Where to create PostgreSQL databases: DATABASE_URL if it is PostgreSQL, else a local server. */
export async function postgresServer(): Promise<string | null> {
  const configured = process.env.DATABASE_URL;
  const candidate = configured && /^postgres(ql)?:/.test(configured) ? configured : LOCAL_POSTGRES;
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return candidate;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(
  kind: DatabaseKind,
  postgresUrl: string | null,
): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'alert-hub-bench-'));
  if (kind === 'sqlite') {
    const file = join(dir, 'bench.sqlite');
    return {
      kind,
      url: `sqlite://${file}`,
      location: file,
      dir,
      count: (sql) => {
        const database = new Database(file, { readonly: true, fileMustExist: true });
        try {
          return Promise.resolve(Number(Object.values(database.prepare(sql).get() as object)[0]));
        } finally {
          database.close();
        }
      },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  if (postgresUrl === null) throw new Error('no PostgreSQL server');
  const name = `alert_hub_bench_${randomBytes(5).toString('hex')}`;
  await withClient(postgresUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const location = url.toString();
  return {
    kind,
    url: location,
    location,
    dir,
    count: (sql) =>
      withClient(location, async (client) => {
        const { rows } = await client.query<Record<string, unknown>>(sql);
        return Number(Object.values(rows[0] ?? {})[0]);
      }),
    drop: async () => {
      await withClient(postgresUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
