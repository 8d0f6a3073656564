import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { SUBSCRIBED_CHANNELS_RELOAD_MS } from '../libs/core/src/notifications/subscribed-channels.js';
import { createChannel, createPrivateIntegration, push } from './support/admin-fixtures.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { NOTIFY_TEST_ENV } from './support/notification-env.js';
import { NotificationReceiver, type ReceivedRequest } from './support/notification-receiver.js';
import { parseSamples, sampleValue } from './support/prometheus-text.js';
import { ServerProcess } from './support/server-process.js';
import { createTestDatabase, TEST_DATABASE, type TestDatabase } from './support/test-database.js';
import { waitFor } from './support/wait-for.js';

const SECRET = 'processes-receiver-secret-0123';
/** Short leases, so that a killed process's claims are taken again within the test. */
const ENV = {
  ...NOTIFY_TEST_ENV,
  OUTBOUND_CONNECT_TIMEOUT_MS: '1000',
  OUTBOUND_TIMEOUT_MS: '2000',
  NOTIFY_LEASE_MS: '3000',
  NOTIFY_DEAD_AFTER_MS: '600000',
};

function alerts(prefix: string, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    fingerprint: `${prefix}-${index}`,
    labels: { alertname: 'Processes', severity: 'warning', instance: `${prefix}-${index}` },
  }));
}

/** How many 2xx answers each notification id got. */
/** Per notification id, how many accepted messages carried it, one by one or in a digest. */
function acceptedPerId(requests: readonly ReceivedRequest[], path: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    if (request.path !== path || request.answeredStatus !== 200) continue;
    const body = JSON.parse(request.body.toString('utf8')) as { notifications: { id: string }[] };
    for (const { id } of body.notifications) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function outboxDepth(server: ServerProcess): Promise<number | undefined> {
  const response = await server.http.get('/metrics');
  return sampleValue(parseSamples(response.text), 'alert_hub_notification_outbox_depth');
}

describe(`notifications across server processes on ${TEST_DATABASE}`, () => {
  const servers: ServerProcess[] = [];
  const databases: TestDatabase[] = [];
  let receiver: NotificationReceiver | undefined;

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const database of databases) await database.drop();
    await receiver?.close();
  }, 60_000);

  async function start(database: TestDatabase, adminToken: string): Promise<ServerProcess> {
    const server = await ServerProcess.start({ database, adminToken, env: ENV });
    servers.push(server);
    return server;
  }

  /**
   * Two processes on a new database, a channel with an integration, and a webhook subscription
   * to the receiver's `path` with `settings`, known to both processes.
   */
  async function twoProcessesSubscribed(path: string, settings: Record<string, unknown>) {
    const database = await createTestDatabase();
    databases.push(database);
    const adminToken = randomBytes(24).toString('hex');
    // One after the other: the second finds the schema migrated by the first.
    const first = await start(database, adminToken);
    const second = await start(database, adminToken);
    const channelId = await createChannel(first);
    const integration = await createPrivateIntegration(first, channelId);
    const subscription = await first.admin
      .post(`/api/v1/channels/${channelId}/subscriptions`)
      .send({ name: path, kind: 'webhook', url: receiver!.url(path), secret: SECRET, ...settings });
    expect(subscription.status).toBe(201);
    // Made through the first, the subscription counts in the second's pushes after a reload.
    await delay(SUBSCRIBED_CHANNELS_RELOAD_MS + 500);
    return { first, second, integration };
  }

  it('delivers, after a SIGKILL and a restart, every queued notification once', async () => {
    receiver = await NotificationReceiver.start(() => ({ status: 503 }));
    const database = await createTestDatabase();
    databases.push(database);
    const adminToken = randomBytes(24).toString('hex');
    const first = await start(database, adminToken);
    const channelId = await createChannel(first);
    const integration = await createPrivateIntegration(first, channelId);
    const subscription = await first.admin
      .post(`/api/v1/channels/${channelId}/subscriptions`)
      .send({ name: 'killed', kind: 'webhook', url: receiver.url('/killed'), secret: SECRET });
    expect(subscription.status).toBe(201);
    expect((await push(first, integration, alertmanagerPush(...alerts('killed', 20)))).status).toBe(
      200,
    );
    await waitFor(
      'failed attempts before the kill',
      () => receiver!.requests.filter((request) => request.path === '/killed').length >= 20,
    );
    first.process.signal('SIGKILL');
    expect(await first.process.waitForExit(15_000)).toEqual({ code: null, signal: 'SIGKILL' });

    receiver.answer(() => ({ status: 200 }));
    const second = await start(database, adminToken);
    await waitFor(
      'every notification after the restart',
      async () => (await outboxDepth(second)) === 0,
      {
        timeoutMs: 60_000,
      },
    );
    const counts = acceptedPerId(receiver.requests, '/killed');
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  }, 180_000);

  it('has two processes deliver each notification once', async () => {
    receiver ??= await NotificationReceiver.start();
    receiver.answer(() => ({ status: 200, delayMs: 20 }));
    const { first, second, integration } = await twoProcessesSubscribed('/shared', {
      concurrency: 2,
    });
    // Both processes write transitions to the log, and both would read it.
    for (let batch = 0; batch < 6; batch++) {
      const server = batch % 2 === 0 ? first : second;
      expect(
        (await push(server, integration, alertmanagerPush(...alerts(`shared-${batch}`, 20))))
          .status,
      ).toBe(200);
    }
    await waitFor('every notification', async () => (await outboxDepth(second)) === 0, {
      timeoutMs: 60_000,
    });
    const counts = acceptedPerId(receiver.requests, '/shared');
    expect(counts.size).toBe(120);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const delivered = await Promise.all(
      [first, second].map(async (server) =>
        sampleValue(
          parseSamples((await server.http.get('/metrics')).text),
          'alert_hub_notifications_sent_total',
          { kind: 'webhook', outcome: 'delivered' },
        ),
      ),
    );
    expect(delivered.reduce((total, count) => (total ?? 0) + (count ?? 0), 0)).toBe(120);
  }, 180_000);

  it('keeps a destination within its rate bound whichever process sends', async () => {
    const LIMIT = 3;
    const ALERTS = 40;
    receiver ??= await NotificationReceiver.start();
    receiver.answer(() => ({ status: 200 }));
    const { first, second, integration } = await twoProcessesSubscribed('/bounded', {
      ratePerMinute: LIMIT,
    });
    // Alerts arriving at both processes over three windows, each woken by its own pushes: on
    // its own, each would send LIMIT messages a window.
    for (let index = 0; index < ALERTS; index++) {
      const server = index % 2 === 0 ? first : second;
      expect(
        (await push(server, integration, alertmanagerPush(...alerts(`bounded-${index}`, 1))))
          .status,
      ).toBe(200);
      await delay(150);
    }
    const ids = await waitFor(
      'every notification of the storm',
      () => {
        const carried = (
          receiver!.accepted('/bounded') as unknown as Array<{
            notifications: Array<{ id: string }>;
          }>
        ).flatMap((body) => body.notifications.map((notification) => notification.id));
        return carried.length >= ALERTS && carried;
      },
      { timeoutMs: 60_000 },
    );
    expect(new Set(ids).size).toBe(ALERTS);
    expect(ids).toHaveLength(ALERTS);
    const windowMs = Number(NOTIFY_TEST_ENV.NOTIFY_RATE_WINDOW_MS);
    const times = receiver.requests
      .filter((request) => request.path === '/bounded')
      .map((request) => request.receivedAt);
    expect(times.length).toBeGreaterThan(LIMIT);
    // Any LIMIT + 1 consecutive messages span at least a window (less a little clock skew).
    for (let index = 0; index + LIMIT < times.length; index++) {
      expect((times[index + LIMIT] ?? 0) - (times[index] ?? 0)).toBeGreaterThanOrEqual(
        windowMs - 100,
      );
    }
  }, 180_000);
});
