import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CoreOptions } from '../core-options.js';
import { OutboundClient } from './outbound-client.js';
import type { OutboundOptions } from './outbound-options.js';
import { PostFailed } from './post-errors.js';

function client(outbound: Partial<OutboundOptions>): OutboundClient {
  const core: CoreOptions = {
    database: { type: 'sqlite', path: ':memory:' },
    publicUrl: 'http://alert-hub.test',
    adminToken: 'unused-admin-token',
    outbound,
  };
  return new OutboundClient(core);
}

async function failure(attempt: Promise<unknown>): Promise<PostFailed> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof PostFailed) return error;
    throw error;
  }
  throw new Error('expected the POST to fail');
}

describe('OutboundClient.post', () => {
  let server: Server;
  let base: string;
  const received: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(`${request.url} ${Buffer.concat(chunks).toString('utf8')}`);
        if (request.url === '/moved') {
          response.writeHead(302, { location: 'http://example.com/elsewhere' }).end();
        } else {
          response.writeHead(200).end('ok');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const body = Buffer.from('{"a":1}');

  it('refuses plain http unless allowed, and a denied address unless exempted, sending nothing', async () => {
    const before = received.length;
    const httpsOnly = await failure(
      client({ allowedAddresses: ['127.0.0.1/32'] }).post(`${base}/x`, {}, body, 1024),
    );
    expect(httpsOnly).toMatchObject({ refused: true });
    expect(httpsOnly.reason).toContain('OUTBOUND_ALLOW_HTTP');
    const denied = await failure(
      client({ allowPlainHttp: true }).post(`${base}/x`, {}, body, 1024),
    );
    expect(denied.refused).toBe(true);
    expect(denied.reason).toBe(
      '127.0.0.1 resolves to 127.0.0.1: a denied address (OUTBOUND_DENIED_ADDRESSES)',
    );
    const byName = await failure(
      client({ allowPlainHttp: true }).post(
        base.replace('127.0.0.1', 'localhost') + '/x',
        {},
        body,
        1024,
      ),
    );
    expect(byName.refused).toBe(true);
    expect(received.length).toBe(before);
  });

  it('POSTs to an exempted address, and answers a redirect without following it', async () => {
    const allowed = client({ allowPlainHttp: true, allowedAddresses: ['127.0.0.1/32'] });
    const answer = await allowed.post(
      `${base}/hook`,
      { 'content-type': 'application/json' },
      body,
      1024,
    );
    expect({ status: answer.status, body: answer.body.toString() }).toEqual({
      status: 200,
      body: 'ok',
    });
    const moved = await allowed.post(`${base}/moved`, {}, body, 1024);
    expect(moved.status).toBe(302);
    expect(received.slice(-2)).toEqual(['/hook {"a":1}', '/moved {"a":1}']);
  });

  it('keeps the connection for the next POST, and sends again on a new one when a kept one is reset', async () => {
    const allowed = client({ allowPlainHttp: true, allowedAddresses: ['127.0.0.1/32'] });
    const connections = new Set<Socket>();
    const paths: string[] = [];
    const flaky = createServer((request, response) => {
      paths.push(request.url ?? '');
      // The first request to /reset dies with its connection, as when a receiver closes an
      // idle kept connection just as a request goes out on it.
      if (request.url === '/reset' && paths.filter((path) => path === '/reset').length === 1) {
        request.socket.resetAndDestroy();
        return;
      }
      request.resume().on('end', () => response.writeHead(200).end('ok'));
    });
    flaky.on('connection', (socket: Socket) => connections.add(socket));
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    try {
      await allowed.post(`${url}/first`, {}, body, 1024);
      await allowed.post(`${url}/second`, {}, body, 1024);
      expect(connections.size).toBe(1);
      const answer = await allowed.post(`${url}/reset`, {}, body, 1024);
      expect(answer.status).toBe(200);
      expect(paths).toEqual(['/first', '/second', '/reset', '/reset']);
      expect(connections.size).toBe(2);
    } finally {
      allowed.onModuleDestroy();
      await new Promise<void>((resolve) => flaky.close(() => resolve()));
    }
  });
});
