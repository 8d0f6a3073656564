import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { createChannel, createPrivateIntegration } from './support/admin-fixtures.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { startHeldPush } from './support/held-push.js';
import { ServerProcess } from './support/server-process.js';
import { storedAlertKeys } from './support/stored-events.js';
import { postgresTarget, TcpProxy, urlThroughProxy } from './support/tcp-proxy.js';
import { createTestDatabase, TEST_DATABASE, type TestDatabase } from './support/test-database.js';
import { waitFor } from './support/wait-for.js';

const HELD_PUSHES = 3;
const ALERTS_PER_PUSH = 200;

/** True when nothing accepts TCP connections on the port any more. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/**
 * Sends a push's headers and half its body, then nothing: resolves with what the server wrote
 * before it closed the connection.
 */
function abandonedRequest(port: number, url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { pathname, search } = new URL(url);
    const socket = connect({ port, host: '127.0.0.1' });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
    });
    socket.once('close', () => resolve(received));
    socket.once('error', reject);
    socket.write(
      `POST ${pathname}${search} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
        body.slice(0, body.length / 2),
    );
  });
}

function heldPushBody(pushIndex: number): string {
  const alerts = Array.from({ length: ALERTS_PER_PUSH }, (_, index) => ({
    fingerprint: `shutdown-${pushIndex}-${index}`,
    labels: { alertname: 'ShutdownLoad', instance: `host-${index}`, severity: 'critical' },
    annotations: { summary: 'in flight while the server stops', description: 'x'.repeat(500) },
  }));
  return JSON.stringify(alertmanagerPush(...alerts));
}

describe(`graceful shutdown on ${TEST_DATABASE}`, () => {
  const servers: ServerProcess[] = [];
  let database: TestDatabase | undefined;
  let proxy: TcpProxy | undefined;
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await proxy?.close();
    await database?.drop();
  }, 60_000);

  it('on SIGTERM stops accepting, finishes the pushes in flight, closes the database, exits 0', async () => {
    database = await createTestDatabase();
    // On PostgreSQL the server talks to the database through a proxy that sees how each
    // connection ends: a clean close sends a Terminate message first.
    if (TEST_DATABASE === 'postgres') proxy = await TcpProxy.start(postgresTarget(database.url));
    const serverDatabase = proxy
      ? { ...database, url: urlThroughProxy(database.url, proxy) }
      : database;
    const adminToken = randomBytes(24).toString('hex');
    const server = await ServerProcess.start({ database: serverDatabase, adminToken });
    servers.push(server);
    const channelId = await createChannel(server);
    const integration = await createPrivateIntegration(server, channelId);
    const pushUrl = `${server.url}/webhooks/prometheus?integration_key=${integration.integrationKey}`;

    // Alertmanager keeps its connections open between pushes; so does this sender.
    const agent = new Agent({ keepAlive: true });
    const held = await Promise.all(
      Array.from({ length: HELD_PUSHES }, (_, index) =>
        startHeldPush(pushUrl, heldPushBody(index), agent),
      ),
    );

    server.process.signal('SIGTERM');
    await waitFor('the stopping server to refuse new connections', () =>
      refusesConnections(server.port),
    );

    const answers = await Promise.all(held.map((push) => push.finish()));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).data).toMatchObject({ stored: ALERTS_PER_PUSH });
    }
    const exit = await server.process.waitForExit(30_000);
    agent.destroy();
    expect(exit).toEqual({ code: 0, signal: null });

    if (proxy) {
      expect(proxy.connections.length).toBeGreaterThan(0);
      expect(proxy.connections.filter((connection) => !connection.terminated)).toEqual([]);
    } else {
      // Closing the last connection checkpoints the write-ahead log into the file and removes it.
      const file = new URL(database.url.replace(/^sqlite:\/\//, 'file://')).pathname;
      expect(existsSync(file)).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(false);
    }

    const restarted = await ServerProcess.start({ database: serverDatabase, adminToken });
    servers.push(restarted);
    const stored = await storedAlertKeys(restarted, integration.id);
    expect(stored.size).toBe(HELD_PUSHES * ALERTS_PER_PUSH);
  }, 120_000);

  it('a push whose body never comes is answered 408 after REQUEST_TIMEOUT_MS and cannot hold a shutdown', async () => {
    database ??= await createTestDatabase();
    const adminToken = randomBytes(24).toString('hex');
    const server = await ServerProcess.start({
      database,
      adminToken,
      env: { REQUEST_TIMEOUT_MS: '2000' },
    });
    servers.push(server);
    const channelId = await createChannel(server);
    const integration = await createPrivateIntegration(server, channelId);
    const pushUrl = `${server.url}/webhooks/prometheus?integration_key=${integration.integrationKey}`;
    const agent = new Agent({ keepAlive: true });

    const answer = await abandonedRequest(server.port, pushUrl, heldPushBody(0));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: {
        code: 'RequestTimeout',
        message: 'the request did not arrive whole in time (REQUEST_TIMEOUT_MS)',
      },
    });
    // The server went on serving.
    const next = await startHeldPush(pushUrl, heldPushBody(1), agent);
    expect((await next.finish()).status).toBe(200);

    // A sender that stops sending while the server stops: the server still exits, cleanly.
    const stalled = await startHeldPush(pushUrl, heldPushBody(2), agent);
    // Its connection is closed without an answer: the push is never acknowledged.
    const unanswered = expect(stalled.answer).rejects.toThrow(/socket hang up|ECONNRESET/);
    server.process.signal('SIGTERM');
    const exit = await server.process.waitForExit(20_000);
    agent.destroy();
    expect(exit).toEqual({ code: 0, signal: null });
    await unanswered;
  }, 60_000);
});
