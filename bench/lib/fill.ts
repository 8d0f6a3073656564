import Database from 'better-sqlite3';
import pg from 'pg';
import type { BenchDatabase } from './databases.js';

/** Who pushed: the channels and integrations created over the API, events spread over them. */
export interface FillTargets {
  channelIds: string[];
  integrationIds: string[];
}

const ALERT_NAMES = Array.from({ length: 40 }, (_, i) => `Alert${String(i).padStart(2, '0')}`);
const SEVERITIES = ['Critical', 'Warning', 'Warning', 'Warning', 'Info'] as const;
const DAY_MS = 86_400_000;

/**
 * Label distribution of the filled data: 40 alert names, 2 000 instances, 100 services, so a
 * filter on `alertname` matches 2.5% of the events and one on `instance` 0.05%.
 */
export function labelsOf(alertIndex: number): Record<string, string> {
  return {
    alertname: ALERT_NAMES[alertIndex % ALERT_NAMES.length],
    severity: (SEVERITIES[alertIndex % SEVERITIES.length] as string).toLowerCase(),
    instance: `host-${alertIndex % 2000}.prod.example.internal:9100`,
    service: `svc-${alertIndex % 100}`,
    namespace: `ns-${alertIndex % 20}`,
    team: `team-${alertIndex % 10}`,
  };
}

interface Row {
  values: (string | number | null)[];
  time: Date[];
}

const ALERT_COLUMNS =
  'id, channel_id, alert_key, integration_id, plugin_id, status, severity, title, description, labels, ' +
  'event_count, repeat_count, last_event_signature, starts_at, resolved_at, last_event_at, last_seen_at, created_at, updated_at';
const EVENT_COLUMNS =
  'integration_id, plugin_id, channel_id, alert_id, alert_key, status, severity, event_status, source_severity, ' +
  'title, description, labels, annotations, links, request_id, raw, starts_at, ends_at, event_time, received_at';

function alertRow(index: number, targets: FillTargets, alertCount: number, now: number): Row {
  const active = index % 5 === 0;
  const severity = SEVERITIES[index % SEVERITIES.length] as string;
  const created = new Date(now - 30 * DAY_MS + (index / alertCount) * 30 * DAY_MS);
  return {
    values: [
      index + 1,
      targets.channelIds[index % targets.channelIds.length],
      `fp-${index.toString(16).padStart(8, '0')}`,
      targets.integrationIds[index % targets.integrationIds.length],
      'prometheus',
      active ? 'active' : 'resolved',
      severity,
      `${labelsOf(index).alertname} on ${labelsOf(index).instance}`,
      null,
      JSON.stringify(labelsOf(index)),
      20,
      3,
      `${active ? 'firing' : 'resolved'}|${severity}|${created.getTime()}|`,
    ],
    time: [
      created,
      active ? created : new Date(created.getTime() + 3_600_000),
      created,
      created,
      created,
      created,
    ],
  };
}

function eventRow(
  index: number,
  eventCount: number,
  alertCount: number,
  targets: FillTargets,
  now: number,
): Row {
  // A pseudo-random alert per event, the same on every run.
  const alertIndex = Math.floor(Math.abs(Math.sin(index + 1) * 1e9)) % alertCount;
  const labels = labelsOf(alertIndex);
  const resolved = index % 5 === 4;
  const severity = SEVERITIES[alertIndex % SEVERITIES.length] as string;
  const receivedAt = new Date(now - 30 * DAY_MS + (index / eventCount) * 30 * DAY_MS);
  const annotations = {
    summary: `${labels.alertname} is firing on ${labels.instance}`,
    runbook_url: 'https://runbooks.example.internal/x',
  };
  const raw = {
    status: resolved ? 'resolved' : 'firing',
    labels,
    annotations,
    startsAt: receivedAt.toISOString(),
    fingerprint: `fp-${alertIndex}`,
  };
  return {
    values: [
      targets.integrationIds[alertIndex % targets.integrationIds.length],
      'prometheus',
      targets.channelIds[alertIndex % targets.channelIds.length],
      alertIndex + 1,
      `fp-${alertIndex.toString(16).padStart(8, '0')}`,
      resolved ? 'resolved' : 'firing',
      severity,
      resolved ? 'Ok' : severity,
      labels.severity,
      annotations.summary,
      null,
      JSON.stringify(labels),
      JSON.stringify(annotations),
      null,
      `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
      JSON.stringify(raw),
    ],
    time: [receivedAt, resolved ? receivedAt : null, receivedAt, receivedAt].map(
      (t) => t ?? new Date(NaN),
    ),
  };
}

const sqliteTime = (date: Date) =>
  Number.isNaN(date.getTime()) ? null : date.toISOString().replace('T', ' ').replace('Z', '');
const postgresTime = (date: Date) => (Number.isNaN(date.getTime()) ? null : date.toISOString());

/** Inserts `events` events and their alerts straight into the database, in big transactions. */
export async function fill(
  database: BenchDatabase,
  targets: FillTargets,
  events: number,
  progress: (done: number) => void,
): Promise<void> {
  const alertCount = Math.max(1, Math.round(events / 20));
  const now = Date.now();
  const chunk = 5_000;
  if (database.kind === 'sqlite') {
    const db = new Database(database.location);
    db.pragma('journal_mode = WAL');
    const placeholders = (columns: string) =>
      columns
        .split(',')
        .map(() => '?')
        .join(', ');
    const insertAlert = db.prepare(
      `INSERT INTO alerts (${ALERT_COLUMNS}) VALUES (${placeholders(ALERT_COLUMNS)})`,
    );
    const insertEvent = db.prepare(
      `INSERT INTO alert_events (${EVENT_COLUMNS}) VALUES (${placeholders(EVENT_COLUMNS)})`,
    );
    const write = db.transaction((rows: Row[], statement: Database.Statement) => {
      for (const row of rows) statement.run(...row.values, ...row.time.map(sqliteTime));
    });
    for (let start = 0; start < alertCount; start += chunk) {
      const rows = Array.from({ length: Math.min(chunk, alertCount - start) }, (_, i) =>
        alertRow(start + i, targets, alertCount, now),
      );
      write(rows, insertAlert);
    }
    for (let start = 0; start < events; start += chunk) {
      const rows = Array.from({ length: Math.min(chunk, events - start) }, (_, i) =>
        eventRow(start + i, events, alertCount, targets, now),
      );
      write(rows, insertEvent);
      progress(start + rows.length);
    }
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: database.location });
  await client.connect();
  try {
    const insert = async (table: string, columns: string, rows: Row[]) => {
      const width = columns.split(',').length;
      const params: unknown[] = [];
      const tuples = rows.map((row) => {
        const values = [...row.values, ...row.time.map(postgresTime)];
        const first = params.length;
        params.push(...values);
        return `(${Array.from({ length: width }, (_, i) => `$${first + i + 1}`).join(', ')})`;
      });
      await client.query(
        `INSERT INTO ${table} (${columns}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`,
        params,
      );
    };
    const pgChunk = 1_000;
    for (let start = 0; start < alertCount; start += pgChunk) {
      const rows = Array.from({ length: Math.min(pgChunk, alertCount - start) }, (_, i) =>
        alertRow(start + i, targets, alertCount, now),
      );
      await insert('alerts', ALERT_COLUMNS, rows);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('alerts', 'id'), ${alertCount})`);
    for (let start = 0; start < events; start += pgChunk) {
      const rows = Array.from({ length: Math.min(pgChunk, events - start) }, (_, i) =>
        eventRow(start + i, events, alertCount, targets, now),
      );
      await insert('alert_events', EVENT_COLUMNS, rows);
      if ((start / pgChunk) % 5 === 0) progress(start + rows.length);
    }
    // What autovacuum would do after such a load: the planner needs the statistics.
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
