import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { databaseFromUrl } from '../apps/server/src/config/database-url.js';
import { CORE_ENTITIES } from '../libs/core/src/core-entities.js';
import { dataSourceOptions } from '../libs/core/src/database/data-source-options.js';
import {
  ageHeartbeat,
  createIntegration,
  heartbeatAlerts,
  ping,
  type AlertSeen,
} from './support/heartbeats.js';
import { parseSamples, sampleValue } from './support/prometheus-text.js';
import { startServerProcess, type ServerProcess } from './support/server-process/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import type { HttpClients } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

/**
 * Two real server processes sweeping one database every second: a missed heartbeat opens one
 * alert, whichever process takes it, and neither opens it again at its next sweeps.
 */
describe('heartbeats of two server processes on one database', () => {
  const adminToken = randomBytes(24).toString('hex');
  let database: TestDatabase;
  let dataSource: DataSource;
  let servers: Array<ServerProcess & HttpClients> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: database.dataDir,
      ADMIN_TOKEN: adminToken,
      PUBLIC_URL: 'http://alert-hub.test',
      HEARTBEAT_SWEEP_MS: '1000',
    };
    // One after the other: the second finds the schema migrated by the first.
    for (let started = 0; started < 2; started++) {
      const server = await startServerProcess(env);
      servers.push({
        ...server,
        http: request.agent(server.url),
        admin: request.agent(server.url).auth(adminToken, { type: 'bearer' }),
      });
    }
    dataSource = await new DataSource(
      dataSourceOptions(databaseFromUrl(database.url, database.dataDir), CORE_ENTITIES),
    ).initialize();
  }, 150_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    await dataSource?.destroy();
    await database?.drop();
  }, 30_000);

  /** What a server's /metrics says of its own sweeps. */
  async function sweepCounts(server: ServerProcess) {
    const response = await request(server.url).get('/metrics');
    expect(response.status).toBe(200);
    const samples = parseSamples(response.text);
    return {
      sweeps: sampleValue(samples, 'alert_hub_heartbeat_sweeps_total') ?? 0,
      opened: sampleValue(samples, 'alert_hub_heartbeat_alerts_opened_total') ?? 0,
    };
  }

  it('open the alert of a missed heartbeat once, and the next beat resolves it', async () => {
    const [first, second] = servers;
    if (!first || !second) throw new Error('both servers must be running');
    const channel = await first.admin.post('/api/v1/channels').send({ name: 'cron team' });
    const integration = await createIntegration(first, {
      name: 'nightly job',
      channelId: channel.body.data.id,
      heartbeat: { intervalSeconds: 60, graceSeconds: 0, source: 'ping' },
    });
    expect((await ping(first, integration)).status).toBe(200);
    const before = await Promise.all(servers.map(sweepCounts));

    await ageHeartbeat(dataSource, integration.id, 61);
    const [opened] = await waitFor('the heartbeat alert to open', async () => {
      const alerts = await heartbeatAlerts(second, integration.id);
      return alerts.length > 0 && alerts;
    });
    // Both have swept twice more since: had either been going to open it again, it would have.
    const seen = await Promise.all(servers.map(sweepCounts));
    const after = await waitFor('two more sweeps of each server', async () => {
      const now = await Promise.all(servers.map(sweepCounts));
      return now.every((counts, index) => counts.sweeps >= (seen[index]?.sweeps ?? 0) + 2) && now;
    });
    const opens = after.map((counts, index) => counts.opened - (before[index]?.opened ?? 0));
    expect(opens.reduce((sum, count) => sum + count, 0)).toBe(1);
    const alerts: AlertSeen[] = await heartbeatAlerts(first, integration.id);
    expect(alerts).toEqual([
      expect.objectContaining({
        id: opened?.id,
        channelId: integration.channelId,
        status: 'active',
        severity: 'Critical',
        title: 'Heartbeat missed: nightly job',
        eventCount: 1,
        repeatCount: 0,
      }),
    ]);

    expect((await ping(second, integration)).status).toBe(200);
    const [resolved] = await heartbeatAlerts(first, integration.id);
    expect(resolved).toMatchObject({ id: opened?.id, status: 'resolved', eventCount: 2 });
  }, 120_000);
});
