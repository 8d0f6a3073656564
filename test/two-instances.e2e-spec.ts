import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { startServerProcess, type ServerProcess } from './support/server-process/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const ROUNDS = 20;

interface PushAnswer {
  status: number;
  body: { data?: { stored: number; deduplicated: number }; error?: { code: string } };
}

/**
 * DESIGN.md §9: any number of server processes may share one database, and two of them receiving
 * the same alert at the same moment still make one alert. Two real processes, one database.
 */
describe('two server processes on one database', () => {
  const adminToken = randomBytes(24).toString('hex');
  let database: TestDatabase;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: database.dataDir,
      ADMIN_TOKEN: adminToken,
      PUBLIC_URL: 'http://alert-hub.test',
    };
    // One after the other: the second finds the schema migrated by the first.
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
  }, 150_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    await database?.drop();
  }, 30_000);

  function admin(server: ServerProcess) {
    return request.agent(server.url).auth(adminToken, { type: 'bearer' });
  }

  it('make exactly one active alert of one alert pushed to both at once, and fail no push', async () => {
    const [first, second] = servers;
    if (!first || !second) throw new Error('both servers must be running');
    const channel = await admin(first).post('/api/v1/channels').send({ name: 'race' });
    const integration = await admin(first).post('/api/v1/integrations').send({
      name: 'HA pair',
      pluginId: 'prometheus',
      type: 'private',
      channelId: channel.body.data.id,
    });
    const { integrationKey } = integration.body.data as { integrationKey: string };
    const pushTo = (server: ServerProcess, body: object): Promise<PushAnswer> =>
      request(server.url)
        .post('/webhooks/prometheus')
        .query({ integration_key: integrationKey })
        .send(body);

    for (let round = 0; round < ROUNDS; round++) {
      const body = alertmanagerPush({ fingerprint: `race-${round}` });
      const answers = await Promise.all([pushTo(first, body), pushTo(second, body)]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      // One of the two stores the event; the other finds its alert and counts a repeat.
      const stored = answers.reduce((sum, answer) => sum + (answer.body.data?.stored ?? 0), 0);
      const repeats = answers.reduce((sum, a) => sum + (a.body.data?.deduplicated ?? 0), 0);
      expect({ round, stored, repeats }).toEqual({ round, stored: 1, repeats: 1 });
    }

    const alerts = await admin(second)
      .get('/api/v1/alerts')
      .query({ integrationId: integration.body.data.id, limit: 500 });
    const keys = (alerts.body.data as Array<{ alertKey: string; status: string }>).map(
      (alert) => `${alert.alertKey}:${alert.status}`,
    );
    expect(keys.sort()).toEqual(
      Array.from({ length: ROUNDS }, (_, round) => `race-${round}:active`).sort(),
    );
  }, 120_000);
});
