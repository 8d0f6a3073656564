import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { rawRequest } from './support/raw-http.js';
import { ServerProcess } from './support/server-process.js';
import { waitFor } from './support/wait-for.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** The server as its own process, so that its sockets behave as a sender meets them. */
async function startServer(env: Record<string, string>) {
  const database = await createTestDatabase();
  const server = await ServerProcess.start({
    database,
    adminToken: randomBytes(24).toString('hex'),
    env,
  });
  return { server, database };
}

async function stopServer(running: { server: ServerProcess; database: TestDatabase }) {
  await running.server.stop();
  await running.database.drop();
}

/** Over real sockets: what a sender sees when it is refused before its body is read. */
describe('refusals before the body, over real sockets', () => {
  let running: { server: ServerProcess; database: TestDatabase };
  let t: ServerProcess;
  let integration: CreatedIntegration;
  let port: number;
  let base: string;

  beforeAll(async () => {
    running = await startServer({ MAX_BODY_BYTES: '65536', MAX_CONNECTIONS: '40' });
    t = running.server;
    integration = await createPrivateIntegration(t, await createChannel(t));
    port = t.port;
    base = t.url;
  }, 90_000);
  afterAll(() => stopServer(running), 30_000);

  const pushPath = () => `/webhooks/prometheus?integration_key=${integration.integrationKey}`;

  it('answers every over-large push 413, read by the sender, not a reset connection', async () => {
    const body = JSON.stringify(
      alertmanagerPush({ fingerprint: 'huge', annotations: { summary: 'x'.repeat(12_000_000) } }),
    );
    const pushHuge = () =>
      fetch(`${base}${pushPath()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then(
        async (response) => ({
          status: response.status,
          body: await response.json(),
        }),
        (error: unknown) => ({ status: 0, body: String((error as Error).cause ?? error) }),
      );
    // 20 pushes, 4 at a time: concurrent enough to matter, not a load test.
    const answers = [];
    for (let wave = 0; wave < 5; wave++) {
      answers.push(...(await Promise.all(Array.from({ length: 4 }, pushHuge))));
    }
    for (const answer of answers) {
      expect(answer).toEqual({
        status: 413,
        body: {
          request_id: expect.any(String),
          error: expect.objectContaining({ code: 'PayloadTooLarge' }),
        },
      });
    }
  }, 60_000);

  it.each([
    ['no key', '/webhooks/prometheus'],
    ['an unknown key', '/webhooks/prometheus?integration_key=not-a-key'],
  ])('answers a push with %s 401 before its body arrives', async (_case, path) => {
    const exchange = rawRequest(
      port,
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        `Content-Length: 4000000\r\n\r\n{"alerts": [`,
    );
    const head = await exchange.head;
    expect(head).toMatch(/^HTTP\/1\.1 401 /);
    expect(head).toContain('"code":"Unauthorized"');
    exchange.socket.destroy();
  });

  it('answers an admin request without the token 401 before reading its body', async () => {
    const malformed = await t.http
      .post('/api/v1/channels')
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(malformed.status).toBe(401);
    const exchange = rawRequest(
      port,
      'POST /api/v1/channels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000000\r\n\r\n{',
    );
    expect(await exchange.head).toMatch(/^HTTP\/1\.1 401 /);
    exchange.socket.destroy();
  });

  it('drops keyless half-sent bodies within the drain bound and keeps serving pushes', async () => {
    const held = Array.from({ length: 30 }, () =>
      rawRequest(
        port,
        'POST /webhooks/prometheus HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          'Content-Length: 4400000\r\n\r\n' +
          'x'.repeat(1000),
      ),
    );
    for (const exchange of held) expect(await exchange.head).toMatch(/^HTTP\/1\.1 401 /);
    const answer = await t.http.post(pushPath()).send(alertmanagerPush({ fingerprint: 'during' }));
    expect(answer.status).toBe(200);
    // The senders never finish their bodies: the server closes each connection itself.
    await Promise.all(held.map((exchange) => exchange.closed));
  }, 20_000);

  it('closes connections past MAX_CONNECTIONS as they arrive, says so, and recovers', async () => {
    const idle = Array.from({ length: 40 }, () => rawRequest(port, ''));
    await Promise.all(
      idle.map((exchange) => new Promise((resolve) => exchange.socket.once('connect', resolve))),
    );
    const refused = rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await refused.closed;
    expect(refused.socket.bytesRead).toBe(0);
    await waitFor('the log line about the refused connection', () =>
      t.process.output().includes('connection limit reached'),
    );
    for (const exchange of idle) exchange.socket.destroy();
    await Promise.all(idle.map((exchange) => exchange.closed));
    // The server counts a connection gone once it has read its end: push until it has.
    await waitFor('a push once the idle connections are gone', async () => {
      const answer = await t.http
        .post(pushPath())
        .send(alertmanagerPush({ fingerprint: 'after' }))
        .catch(() => null);
      return answer?.status === 200;
    });
  });
});

describe('a sender that stalls in its headers', () => {
  let running: { server: ServerProcess; database: TestDatabase };
  let port: number;

  beforeAll(async () => {
    running = await startServer({ HEADERS_TIMEOUT_MS: '1000' });
    port = running.server.port;
  }, 90_000);
  afterAll(() => stopServer(running), 30_000);

  it('closes a connection whose headers stall, after HEADERS_TIMEOUT_MS', async () => {
    const stalled = rawRequest(port, 'POST /webhooks/prometheus HTTP/1.1\r\nHost: x\r\n');
    expect(await stalled.head).toMatch(/^HTTP\/1\.1 408 /);
    await stalled.closed;
  });
});
