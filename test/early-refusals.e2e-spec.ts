import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { LogCapture } from './support/log-capture.js';
import { portOf, rawRequest } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Over real sockets: what a sender sees when it is refused before its body is read. */
describe('refusals before the body, over real sockets', () => {
  const log = new LogCapture();
  let t: TestApp;
  let integration: CreatedIntegration;
  let port: number;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        MAX_BODY_BYTES: '65536',
        MAX_CONNECTIONS: '40',
        LOG_LEVEL: 'warn',
      },
      logDestination: log,
    });
    integration = await createPrivateIntegration(t, await createChannel(t));
    await t.app.listen(0, '127.0.0.1');
    port = portOf(t.app.getHttpServer());
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => t.close());

  const pushPath = () => `/webhooks/prometheus?integration_key=${integration.integrationKey}`;

  it('answers every over-large push 413, read by the sender, not a reset connection', async () => {
    const body = JSON.stringify(
      alertmanagerPush({ fingerprint: 'huge', annotations: { summary: 'x'.repeat(12_000_000) } }),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${base}${pushPath()}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then(
          async (response) => ({
            status: response.status,
            body: (await response.json()) as unknown,
          }),
          (error: unknown) => ({ status: 0, body: String((error as Error).cause ?? error) }),
        ),
      ),
    );
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
    expect(log.lines().map((line) => line.msg)).toContainEqual(
      expect.stringContaining('connection limit reached'),
    );
    for (const exchange of idle) exchange.socket.destroy();
    await Promise.all(idle.map((exchange) => exchange.closed));
    const answer = await t.http.post(pushPath()).send(alertmanagerPush({ fingerprint: 'after' }));
    expect(answer.status).toBe(200);
  });
});

describe('a sender that stalls in its headers', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp({ env: { HEADERS_TIMEOUT_MS: '1000' } });
    await t.app.listen(0, '127.0.0.1');
    port = portOf(t.app.getHttpServer());
  });
  afterAll(() => t.close());

  it('closes a connection whose headers stall, after HEADERS_TIMEOUT_MS', async () => {
    const stalled = rawRequest(port, 'POST /webhooks/prometheus HTTP/1.1\r\nHost: x\r\n');
    expect(await stalled.head).toMatch(/^HTTP\/1\.1 408 /);
    await stalled.closed;
  });
});
