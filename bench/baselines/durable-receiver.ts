import Database from 'better-sqlite3';
import type { ServerResponse } from 'node:http';
import pg from 'pg';
import { answer, serveAlerts, type ReceivedAlert } from './receiver.js';

/**
 * The durable ceiling: the bare receiver plus a plain insert of every alert into the same kind
 * of database Alert Hub uses, group-committed (2 ms or 100 rows), answering after the commit.
 * A random-key index on the fingerprint, like Alert Hub's alert keys.
 */
const WINDOW_MS = 2;
const MAX_ROWS = 100;

interface Waiting {
  response: ServerResponse;
  events: number;
}

type Flush = (rows: ReceivedAlert[]) => Promise<void>;

const COLUMNS = 'fingerprint, status, labels, annotations, starts_at, received_at, raw';

function sqliteFlush(file: string): Flush {
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.exec(`CREATE TABLE IF NOT EXISTS bench_events (
    id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, status TEXT NOT NULL, labels TEXT NOT NULL,
    annotations TEXT NOT NULL, starts_at TEXT NOT NULL, received_at TEXT NOT NULL, raw TEXT NOT NULL)`);
  database.exec(
    'CREATE INDEX IF NOT EXISTS bench_events_fingerprint ON bench_events (fingerprint)',
  );
  const insert = database.prepare(
    `INSERT INTO bench_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAll = database.transaction((rows: ReceivedAlert[], receivedAt: string) => {
    for (const row of rows) {
      insert.run(
        row.fingerprint,
        row.status,
        row.labels,
        row.annotations,
        row.startsAt,
        receivedAt,
        row.raw,
      );
    }
  });
  return (rows) => {
    insertAll(rows, new Date().toISOString());
    return Promise.resolve();
  };
}

async function postgresFlush(url: string): Promise<Flush> {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_events (
    id BIGSERIAL PRIMARY KEY, fingerprint TEXT NOT NULL, status TEXT NOT NULL, labels JSONB NOT NULL,
    annotations JSONB NOT NULL, starts_at TIMESTAMPTZ NOT NULL, received_at TIMESTAMPTZ NOT NULL,
    raw JSONB NOT NULL)`);
  await pool.query(
    'CREATE INDEX IF NOT EXISTS bench_events_fingerprint ON bench_events (fingerprint)',
  );
  return async (rows) => {
    const column = (pick: (row: ReceivedAlert) => string) => rows.map(pick);
    await pool.query({
      name: 'insert-events',
      text: `INSERT INTO bench_events (${COLUMNS})
             SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[],
                                  $5::timestamptz[], $6::timestamptz[], $7::jsonb[])`,
      values: [
        column((row) => row.fingerprint),
        column((row) => row.status),
        column((row) => row.labels),
        column((row) => row.annotations),
        column((row) => row.startsAt),
        rows.map(() => new Date().toISOString()),
        column((row) => row.raw),
      ],
    });
  };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? '';
  const flush = url.startsWith('sqlite://')
    ? sqliteFlush(url.slice('sqlite://'.length))
    : await postgresFlush(url);

  let rows: ReceivedAlert[] = [];
  let waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;

  const commit = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = rows;
    const answered = waiting;
    rows = [];
    waiting = [];
    flush(batch).then(
      () => answered.forEach((w) => answer(w.response, 200, w.events, w.events)),
      () => answered.forEach((w) => answer(w.response, 503, w.events, 0)),
    );
  };

  serveAlerts((alerts, response) => {
    rows.push(...alerts);
    waiting.push({ response, events: alerts.length });
    if (rows.length >= MAX_ROWS) commit();
    else timer ??= setTimeout(commit, WINDOW_MS);
  });
}

void main();
