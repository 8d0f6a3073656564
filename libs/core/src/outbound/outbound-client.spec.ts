import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboundHostNotAllowed, OutboundRequestFailed } from '@alert-hub/plugin-sdk';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { FakeHttpsHost, TEST_CA_FILE, answer } from '../../../../test/support/fake-https-host.js';
import { freePort } from '../../../../test/support/free-port.js';
import type { CoreOptions } from '../core-options.js';
import { MAX_REDIRECTS, OutboundClient } from './outbound-client.js';
import type { OutboundOptions } from './outbound-options.js';

const SNS = ['sns.*.amazonaws.com'];
const CERT_URL = 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-test.pem';
const TEST_CA = readFileSync(TEST_CA_FILE, 'utf8');

function client(outbound: Partial<OutboundOptions>): OutboundClient {
  const core: CoreOptions = {
    database: { type: 'sqlite', path: ':memory:' },
    publicUrl: 'http://alert-hub.test',
    adminToken: 'unused-admin-token',
    outbound,
  };
  return new OutboundClient(core);
}

async function failure(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the request to fail');
}

describe('OutboundClient', () => {
  let host: FakeHttpsHost;
  /** A client whose SNS and fake-source names all connect to the fake host. */
  let toFake: OutboundClient;

  beforeAll(async () => {
    host = await FakeHttpsHost.start();
    toFake = client({
      extraCaPem: TEST_CA,
      connectTo: [
        { host: 'sns.*.amazonaws.com', port: 443, toHost: '127.0.0.1', toPort: host.port },
        { host: '*.fake-source.test', port: 443, toHost: '127.0.0.1', toPort: host.port },
      ],
    });
    host
      .on('/SimpleNotificationService-test.pem', answer(200, 'certificate'))
      .on('/moved', answer(301, '', { location: '/SimpleNotificationService-test.pem' }))
      .on('/elsewhere', answer(302, '', { location: 'https://other.fake-source.test/x' }))
      .on('/downgrade', answer(302, '', { location: 'http://sns.us-west-2.amazonaws.com/x' }))
      .on('/loop', answer(302, '', { location: '/loop' }))
      .on('/large', answer(200, 'x'.repeat(2048), { 'content-length': '2048' }))
      .on('/large-chunked', (_request, response) => {
        response.write('x'.repeat(1500));
        response.end('x'.repeat(1500));
      })
      .on('/stalls', (_request, response) => {
        response.writeHead(200, { 'content-length': '100' });
        response.write('half');
      });
  });
  afterAll(() => host.close());

  it('GETs an allowed URL at the address connect-to names, under its own name', async () => {
    const before = host.requests.length;
    const fetched = await toFake.get(CERT_URL, SNS, 1024);
    expect(fetched.status).toBe(200);
    expect(fetched.body.toString()).toBe('certificate');
    expect(host.requests.slice(before)).toEqual([
      {
        method: 'GET',
        url: '/SimpleNotificationService-test.pem',
        host: 'sns.us-west-2.amazonaws.com',
      },
    ]);
  });

  it('refuses a URL off the allowlist, or not HTTPS on 443, before any connection', async () => {
    const before = host.requests.length;
    for (const url of [
      'https://other.fake-source.test/SimpleNotificationService-test.pem',
      'http://sns.us-west-2.amazonaws.com/SimpleNotificationService-test.pem',
      'https://sns.us-west-2.amazonaws.com:8443/SimpleNotificationService-test.pem',
      'https://sns.us-west-2.amazonaws.com.fake-source.test/x',
    ]) {
      const error = await failure(toFake.get(url, SNS, 1024));
      expect(error).toBeInstanceOf(OutboundHostNotAllowed);
    }
    expect(host.requests.length).toBe(before);
  });

  it('reaches a host and port the replacement allowlist names', async () => {
    const url = `https://localhost:${host.port}/SimpleNotificationService-test.pem`;
    const fetched = await client({ extraCaPem: TEST_CA }).get(url, [`localhost:${host.port}`], 64);
    expect(fetched.body.toString()).toBe('certificate');
  });

  it('trusts only the bundled roots and the configured CA, for the name asked', async () => {
    const untrusted = await failure(
      client({ connectTo: [] }).get(
        `https://localhost:${host.port}/SimpleNotificationService-test.pem`,
        [`localhost:${host.port}`],
        1024,
      ),
    );
    expect(untrusted).toBeInstanceOf(OutboundRequestFailed);
    expect((untrusted as OutboundRequestFailed).reason).toMatch(/certificate/i);
    const wrongName = client({
      extraCaPem: TEST_CA,
      connectTo: [{ host: 'a.example.org', port: 443, toHost: '127.0.0.1', toPort: host.port }],
    });
    const mismatch = await failure(wrongName.get('https://a.example.org/x', ['a.example.org'], 64));
    expect((mismatch as OutboundRequestFailed).reason).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('follows a redirect on the same host', async () => {
    const fetched = await toFake.get('https://sns.us-west-2.amazonaws.com/moved', SNS, 1024);
    expect(fetched.body.toString()).toBe('certificate');
  });

  it('follows no redirect to another host, nor to plain HTTP', async () => {
    const before = host.requests.length;
    const elsewhere = await failure(
      toFake.get('https://sns.us-west-2.amazonaws.com/elsewhere', SNS, 1024),
    );
    expect(elsewhere).toBeInstanceOf(OutboundRequestFailed);
    expect((elsewhere as OutboundRequestFailed).reason).toBe(
      'redirected to another host (https://other.fake-source.test): not followed',
    );
    const downgrade = await failure(
      toFake.get('https://sns.us-west-2.amazonaws.com/downgrade', SNS, 1024),
    );
    expect((downgrade as OutboundRequestFailed).reason).toBe(
      'redirected to another host (http://sns.us-west-2.amazonaws.com): not followed',
    );
    expect(host.requests.slice(before).map((request) => request.url)).toEqual([
      '/elsewhere',
      '/downgrade',
    ]);
  });

  it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
    const before = host.requests.length;
    const looped = await failure(toFake.get('https://sns.us-west-2.amazonaws.com/loop', SNS, 64));
    expect((looped as OutboundRequestFailed).reason).toBe(`more than ${MAX_REDIRECTS} redirects`);
    expect(host.requests.length - before).toBe(MAX_REDIRECTS + 1);
  });

  it('refuses a body larger than asked for, declared or sent in chunks', async () => {
    const declared = await failure(
      toFake.get('https://sns.us-west-2.amazonaws.com/large', SNS, 1024),
    );
    expect((declared as OutboundRequestFailed).reason).toBe(
      'answered 2048 bytes, more than the 1024 accepted',
    );
    const chunked = await failure(
      toFake.get('https://sns.us-west-2.amazonaws.com/large-chunked', SNS, 2048),
    );
    expect((chunked as OutboundRequestFailed).reason).toBe(
      'answered more than the 2048 bytes accepted',
    );
  });

  it('gives up on a host that cannot be reached', async () => {
    const port = await freePort();
    const closed = client({
      connectTo: [{ host: 'sns.*.amazonaws.com', port: 443, toHost: '127.0.0.1', toPort: port }],
    });
    const refused = await failure(closed.get(CERT_URL, SNS, 64));
    expect((refused as OutboundRequestFailed).reason).toBe('the connection was refused');
  });

  describe('timeouts', () => {
    let silent: Server;
    const connections = new Set<Socket>();
    beforeAll(async () => {
      // Accepts connections and never says a word: no TLS handshake ever completes.
      silent = createServer((socket) => connections.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => {
      for (const socket of connections) socket.destroy();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it('gives up on a connection that does not complete within the connect timeout', async () => {
      const { port } = silent.address() as AddressInfo;
      const stuck = client({
        connectTimeoutMs: 200,
        connectTo: [{ host: 'sns.*.amazonaws.com', port: 443, toHost: '127.0.0.1', toPort: port }],
      });
      const error = await failure(stuck.get(CERT_URL, SNS, 64));
      expect((error as OutboundRequestFailed).reason).toBe(
        'no connection within 200 ms (connect timeout)',
      );
    });

    it('gives up on an answer that does not arrive whole within the timeout', async () => {
      const slow = client({
        extraCaPem: TEST_CA,
        timeoutMs: 300,
        connectTo: [
          { host: 'sns.*.amazonaws.com', port: 443, toHost: '127.0.0.1', toPort: host.port },
        ],
      });
      const error = await failure(
        slow.get('https://sns.us-west-2.amazonaws.com/stalls', SNS, 1024),
      );
      expect((error as OutboundRequestFailed).reason).toBe('no answer within 300 ms');
    });
  });
});
