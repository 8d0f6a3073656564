/**
 * `npm run bench:query`: fills a fresh database with 1 000 000 events (bulk inserts straight into
 * the database, not through HTTP), then times the admin queries users make through the real
 * server's HTTP API, p50/p99 per query. Options: --quick (50 000 events), --events <n>,
 * --iterations <n>, --no-postgres.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  freshDatabase,
  postgresServer,
  type BenchDatabase,
  type DatabaseKind,
} from './lib/databases.js';
import { fill, labelsOf } from './lib/fill.js';
import { machineDescription } from './lib/machine.js';
import { BENCH_SOURCES } from './lib/paths.js';
import { startAlertHub, type AlertHubUnderTest } from './lib/systems.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const numberOption = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const EVENTS = numberOption('--events', quick ? 50_000 : 1_000_000);
const ITERATIONS = numberOption('--iterations', quick ? 20 : 100);
const P99_TARGET_MS = 50;

const started = Date.now();
function log(line: string): void {
  console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s] ${line}`);
}

interface QueryTiming {
  database: DatabaseKind;
  query: string;
  path: string;
  rows: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function api(
  hub: AlertHubUnderTest,
  path: string,
  init: RequestInit = {},
): Promise<{ data: unknown; nextCursor?: string | null }> {
  const request = () =>
    fetch(hub.server.url + path, {
      ...init,
      headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' },
    });
  // The server closes connections left idle during the fill: the first request may meet one.
  const response = await request().catch(request);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { data: unknown; nextCursor?: string | null };
}

async function time(
  hub: AlertHubUnderTest,
  kind: DatabaseKind,
  query: string,
  path: string,
): Promise<QueryTiming> {
  let rows = 0;
  for (let i = 0; i < 3; i++) await api(hub, path);
  const durations: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    const page = await api(hub, path);
    durations.push(performance.now() - start);
    rows = Array.isArray(page.data) ? page.data.length : 1;
  }
  durations.sort((a, b) => a - b);
  const timing = {
    database: kind,
    query,
    path,
    rows,
    p50Ms: percentile(durations, 50),
    p99Ms: percentile(durations, 99),
  };
  log(
    `  ${query}: p50 ${timing.p50Ms.toFixed(1)} ms, p99 ${timing.p99Ms.toFixed(1)} ms (${rows} rows)`,
  );
  return timing;
}

/** A cursor `depth` rows into a channel's events, reached by paging as a user would. */
async function deepCursor(
  hub: AlertHubUnderTest,
  channelId: string,
  depth: number,
): Promise<string> {
  let cursor: string | null | undefined;
  for (let seen = 0; seen < depth; seen += 500) {
    const page = await api(
      hub,
      `/api/v1/events?channelId=${channelId}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    );
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  if (!cursor) throw new Error('not enough events to page that deep');
  return cursor;
}

async function measure(database: BenchDatabase): Promise<QueryTiming[]> {
  const hub = await startAlertHub(database);
  try {
    const channelIds = [hub.channelId];
    const integrationIds = [hub.integrationId];
    for (let i = 1; i < 4; i++) {
      const channel = (
        await api(hub, '/api/v1/channels', {
          method: 'POST',
          body: JSON.stringify({ name: `team ${i}` }),
        })
      ).data as { id: string };
      channelIds.push(channel.id);
    }
    for (let i = 1; i < 8; i++) {
      const body = {
        name: `source ${i}`,
        pluginId: 'prometheus',
        type: 'private',
        channelId: channelIds[i % 4],
      };
      integrationIds.push(
        (
          (await api(hub, '/api/v1/integrations', { method: 'POST', body: JSON.stringify(body) }))
            .data as { id: string }
        ).id,
      );
    }
    log(`${database.kind}: filling ${EVENTS.toLocaleString('en-US')} events`);
    const fillStart = Date.now();
    let reported = 0;
    await fill(database, { channelIds, integrationIds }, EVENTS, (done) => {
      if (done - reported >= EVENTS / 10 || done === EVENTS) {
        reported = done;
        log(`  ${Math.round((100 * done) / EVENTS)}%`);
      }
    });
    log(`  filled in ${Math.round((Date.now() - fillStart) / 1000)} s`);
    const channel = channelIds[1];
    // Alert 5 is in channel 1 (5 % 4): its labels match events of that channel.
    const labels = labelsOf(5);
    const deep = await deepCursor(hub, channel, Math.min(100_000, Math.floor(EVENTS / 8)));
    const alertId = 1 + Math.floor(EVENTS / 20 / 2);
    const queries: Array<[string, string]> = [
      ['latest events of a channel', `/api/v1/events?channelId=${channel}&limit=50`],
      [
        'latest events of an integration',
        `/api/v1/events?integrationId=${integrationIds[3]}&limit=50`,
      ],
      [
        'events by label (alertname, 2.5%)',
        `/api/v1/events?label.alertname=${labels.alertname}&limit=50`,
      ],
      [
        'events by label (instance, 0.05%)',
        `/api/v1/events?label.instance=${encodeURIComponent(labels.instance)}&limit=50`,
      ],
      [
        'events of a channel by label',
        `/api/v1/events?channelId=${channel}&label.service=${labels.service}&limit=50`,
      ],
      [
        'events of one alert key',
        `/api/v1/events?alertKey=fp-${(5).toString(16).padStart(8, '0')}&limit=50`,
      ],
      ['active alerts by severity', '/api/v1/alerts?status=active&severity=Critical&limit=50'],
      ['active alerts of a channel', `/api/v1/alerts?channelId=${channel}&status=active&limit=50`],
      ['alerts by label', `/api/v1/alerts?label.alertname=${labels.alertname}&limit=50`],
      ['an alert with its events', `/api/v1/alerts/${alertId}`],
      [
        `cursor paging, ${Math.min(100_000, Math.floor(EVENTS / 8)).toLocaleString('en-US')} deep in a channel`,
        `/api/v1/events?channelId=${channel}&cursor=${deep}&limit=50`,
      ],
      [
        'events of the last hour',
        `/api/v1/events?since=${new Date(Date.now() - 3_600_000).toISOString()}&limit=50`,
      ],
    ];
    const timings: QueryTiming[] = [];
    for (const [query, path] of queries) timings.push(await time(hub, database.kind, query, path));
    return timings;
  } finally {
    await hub.stop();
  }
}

async function main(): Promise<void> {
  const machine = machineDescription();
  log(
    `machine: ${machine.cpu} × ${machine.cores}, load ${machine.loadAverage}; ${ITERATIONS} timed requests per query`,
  );
  const postgresUrl = args.includes('--no-postgres') ? null : await postgresServer();
  const kinds: DatabaseKind[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const timings: QueryTiming[] = [];
  for (const kind of kinds) {
    const database = await freshDatabase(kind, postgresUrl);
    try {
      timings.push(...(await measure(database)));
    } finally {
      await database.drop();
    }
  }
  const lines = [
    '| database | query | p50 ms | p99 ms | ≤ 50 ms |',
    '| --- | --- | ---: | ---: | --- |',
  ];
  for (const t of timings) {
    lines.push(
      `| ${t.database} | ${t.query} | ${t.p50Ms.toFixed(1)} | ${t.p99Ms.toFixed(1)} | ${t.p99Ms <= P99_TARGET_MS ? 'yes' : 'NO'} |`,
    );
  }
  console.log(
    `\n${EVENTS.toLocaleString('en-US')} events, through the HTTP API\n\n${lines.join('\n')}\n`,
  );
  const dir = join(BENCH_SOURCES, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${new Date().toISOString().slice(0, 16).replace(':', '-')}-queries${quick ? '.quick' : ''}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine, events: EVENTS, iterations: ITERATIONS, timings }, null, 2)}\n`,
  );
  log(`results written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
