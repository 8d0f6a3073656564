import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERTMANAGER_BENCH_MAPPING } from '../load/alertmanager-mapping.js';
import type { PayloadFormat } from '../load/payloads.js';
import type { BenchDatabase, DatabaseKind } from './databases.js';
import { COMPILED_BENCH, REPO_ROOT } from './paths.js';
import { freePort, startServer, type ServerProcess } from './processes.js';

/** What a system says it holds: stored event rows plus repeats it counted instead of storing. */
export interface Holdings {
  events: number;
  deduplicated: number;
}

/** A receiver under test: where to push, in which format, and how to count what it kept. */
export interface SystemUnderTest {
  id: string;
  label: string;
  server: ServerProcess;
  path: string;
  format: PayloadFormat;
  /** The database it stores into, if any: on PostgreSQL, the database's CPU time is measured too. */
  database: DatabaseKind | null;
  /** Null when the system keeps nothing to count (the bare receiver). */
  holdings(): Promise<Holdings | null>;
  stop(): Promise<void>;
}

const DATABASE_LABEL = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

async function json(url: string, init: RequestInit): Promise<{ data: Record<string, unknown> }> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { data: Record<string, unknown> };
}

export interface AlertHubUnderTest extends SystemUnderTest {
  adminToken: string;
  channelId: string;
  integrationId: string;
}

/** Which plugin the Hub's integration reads the Alertmanager pushes with. */
export interface HubSource {
  /** Part of the system id: `alert-hub-<id>sqlite`. */
  idPart: string;
  labelPart: string;
  pluginId: string;
  settings: Record<string, unknown>;
}

export const PROMETHEUS_SOURCE: HubSource = {
  idPart: '',
  labelPart: '',
  pluginId: 'prometheus',
  settings: {},
};

/** The same pushes through the mapped generic webhook: what a mapping costs next to code. */
export const MAPPED_WEBHOOK_SOURCE: HubSource = {
  idPart: 'webhook-',
  labelPart: ', mapped webhook',
  pluginId: 'webhook',
  settings: { mapping: ALERTMANAGER_BENCH_MAPPING },
};

/**
 * The Prometheus plugin's pushes to a channel with one webhook subscription: what queueing the
 * notifications costs the pushes (the delivery itself runs beside them, to a local receiver).
 */
export const NOTIFIED_SOURCE: HubSource = {
  ...PROMETHEUS_SOURCE,
  idPart: 'notify-',
  labelPart: ', one webhook subscription',
};

/** An admin API call of a running Hub; throws on anything but a 2xx. */
export function hubAdmin(
  hub: Pick<AlertHubUnderTest, 'server' | 'adminToken'>,
  method: 'POST' | 'PUT' = 'POST',
) {
  const headers = { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' };
  return (path: string, body: unknown) =>
    json(`${hub.server.url}${path}`, { method, headers, body: JSON.stringify(body) });
}

/** The real server, built, in production mode, with a channel and a private integration. */
export async function startAlertHub(
  database: BenchDatabase,
  source: HubSource = PROMETHEUS_SOURCE,
  /** More settings, e.g. letting notifications reach a local receiver. */
  env: Record<string, string> = {},
): Promise<AlertHubUnderTest> {
  const port = await freePort();
  const adminToken = randomBytes(24).toString('hex');
  const server = await startServer({
    name: `alert-hub-${database.kind}`,
    command: process.execPath,
    // BENCH_HUB_NODE_OPTIONS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles` to profile the hub.
    args: [
      ...(process.env.BENCH_HUB_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
      join(REPO_ROOT, 'dist/apps/server/src/main.js'),
    ],
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: database.dir,
      DATABASE_URL: database.url,
      ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'warn',
      ...env,
    },
    port,
    readyPath: '/api/v1/plugins',
  });
  const admin = hubAdmin({ server, adminToken });
  const channel = await admin('/api/v1/channels', { name: 'Benchmark' });
  const integration = await admin('/api/v1/integrations', {
    name: 'bench Alertmanager',
    pluginId: source.pluginId,
    type: 'private',
    channelId: channel.data.id,
    settings: source.settings,
  });
  const key = String(integration.data.integrationKey);
  return {
    adminToken,
    channelId: String(channel.data.id),
    integrationId: String(integration.data.id),
    id: `alert-hub-${source.idPart}${database.kind}`,
    label: `Alert Hub (${DATABASE_LABEL[database.kind]}${source.labelPart})`,
    server,
    path: `/webhooks/${source.pluginId}?integration_key=${encodeURIComponent(key)}`,
    format: 'webhook',
    database: database.kind,
    holdings: async () => ({
      events: await database.count('SELECT COUNT(*) FROM alert_events'),
      deduplicated: await database.count('SELECT COALESCE(SUM(repeat_count), 0) FROM alerts'),
    }),
    stop: () => server.stop(),
  };
}

async function startBaseline(file: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({
    name: file,
    command: process.execPath,
    args: [join(COMPILED_BENCH, 'baselines', file)],
    env: { ...env, BENCH_PORT: String(port) },
    port,
  });
}

export async function startBareReceiver(): Promise<SystemUnderTest> {
  const server = await startBaseline('bare-receiver.js', {});
  return {
    id: 'bare-node',
    label: 'bare node:http + JSON.parse',
    server,
    path: '/',
    format: 'webhook',
    database: null,
    holdings: () => Promise.resolve(null),
    stop: () => server.stop(),
  };
}

export async function startDurableReceiver(database: BenchDatabase): Promise<SystemUnderTest> {
  const server = await startBaseline('durable-receiver.js', { BENCH_DATABASE_URL: database.url });
  return {
    id: `durable-${database.kind}`,
    label: `node:http + ${DATABASE_LABEL[database.kind]} group commit`,
    server,
    path: '/',
    format: 'webhook',
    database: database.kind,
    holdings: async () => ({
      events: await database.count('SELECT COUNT(*) FROM bench_events'),
      deduplicated: 0,
    }),
    stop: () => server.stop(),
  };
}

/** Alertmanager keeps alerts in memory only; its own counter says how many it took in. */
export async function startAlertmanager(binary: string, dir: string): Promise<SystemUnderTest> {
  const port = await freePort();
  const config = join(dir, 'alertmanager.yml');
  writeFileSync(config, 'route:\n  receiver: none\nreceivers:\n  - name: none\n');
  const server = await startServer({
    name: 'alertmanager',
    command: binary,
    args: [
      `--config.file=${config}`,
      `--storage.path=${join(dir, 'alertmanager-data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    port,
    readyPath: '/-/ready',
  });
  return {
    id: 'alertmanager',
    label: 'Alertmanager /api/v2/alerts (memory)',
    server,
    path: '/api/v2/alerts',
    format: 'alertmanager-api',
    database: null,
    holdings: async () => {
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      const received = [
        ...metrics.matchAll(/^alertmanager_alerts_received_total\{[^}]*\} (\S+)$/gm),
      ];
      return {
        events: received.reduce((sum, match) => sum + Number(match[1]), 0),
        deduplicated: 0,
      };
    },
    stop: () => server.stop(),
  };
}
