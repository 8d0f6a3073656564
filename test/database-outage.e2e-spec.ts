import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  createChannel,
  createPrivateIntegration,
  push,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { alertmanagerPush, type TestAlert } from './support/alertmanager-payload.js';
import { storedAlertKeys } from './support/stored-events.js';
import { startOnReadOnlyDatabase, type ReadOnlyServer } from './support/read-only-database.js';
import { postgresTarget, TcpProxy, urlThroughProxy } from './support/tcp-proxy.js';
import { createTestDatabase, TEST_DATABASE, type TestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Longer than the pool's 5 s connection timeout: a push may wait that long, never much more. */
const PUSH_TIMEOUT_MS = 15_000;
/** How long a query storing pushes may go unanswered here (30 s by default). */
const QUERY_TIMEOUT_MS = 1_000;

function expectUnavailable(response: { status: number; body: unknown }): void {
  expect(response.status).toBe(503);
  expect(response.body).toEqual({
    request_id: expect.any(String),
    error: { code: 'Unavailable', message: expect.any(String) },
  });
}

/** The outcomes the push log holds for these answers, by request id. */
async function loggedOutcomes(
  fixture: { t: TestApp; integration: CreatedIntegration },
  answers: Array<{ body: { request_id?: unknown } }>,
): Promise<unknown[]> {
  const response = await fixture.t.admin
    .get(`/api/v1/integrations/${fixture.integration.id}/pushes`)
    .timeout(PUSH_TIMEOUT_MS);
  expect(response.status).toBe(200);
  const logged = response.body.data as Array<{ requestId: string }>;
  return answers.map(({ body }) => logged.find((entry) => entry.requestId === body.request_id));
}

/** The app and its first integration, on a database the test can break. */
function outageFixture(open: () => Promise<TestApp>) {
  const fixture = {} as { t: TestApp; integration: CreatedIntegration };
  beforeAll(async () => {
    fixture.t = await open();
    fixture.integration = await createPrivateIntegration(fixture.t, await createChannel(fixture.t));
  }, 60_000);
  return fixture;
}

function send(fixture: { t: TestApp; integration: CreatedIntegration }, ...alerts: TestAlert[]) {
  return push(fixture.t, fixture.integration, alertmanagerPush(...alerts)).timeout(PUSH_TIMEOUT_MS);
}

if (TEST_DATABASE === 'postgres') {
  describe('PostgreSQL outage', () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    const fixture = outageFixture(async () => {
      database = await createTestDatabase();
      proxy = await TcpProxy.start(postgresTarget(database.url));
      return startTestApp({
        database: { ...database, url: urlThroughProxy(database.url, proxy) },
        env: { PUSH_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) },
      });
    });
    afterAll(async () => {
      await fixture.t.close();
      await proxy.close();
      await database.drop();
    }, 60_000);

    it('answers 503 while the database is unreachable, then stores the retried pushes once', async () => {
      expect((await send(fixture, { fingerprint: 'before-outage' })).status).toBe(200);

      // The worst moment: the database commits the push, and the answer to COMMIT is lost with
      // the network. The app cannot know, so it must not say 2xx; the sender will retry.
      const commitReplyLost = proxy.loseNextCommitReply();
      const unanswered = await send(fixture, { fingerprint: 'committed-unanswered' });
      expectUnavailable(unanswered);
      await commitReplyLost;

      // The database stays unreachable: every push is refused with 503, promptly.
      expectUnavailable(await send(fixture, { fingerprint: 'during-outage' }));
      expectUnavailable(await send(fixture, { fingerprint: 'committed-unanswered' }));
      // Load balancers and Kubernetes see it too.
      const notReady = await fixture.t.http.get('/readyz').timeout(PUSH_TIMEOUT_MS);
      expect(notReady.status).toBe(503);
      expect(notReady.body.error.code).toBe('Unavailable');

      // The network drops packets instead: a push waits for the connection timeout, no longer.
      proxy.swallow();
      expectUnavailable(await send(fixture, { fingerprint: 'during-outage' }));

      // Back: the sender's retries are stored, and the push that was committed is not doubled.
      proxy.restore();
      expect((await fixture.t.http.get('/readyz').timeout(PUSH_TIMEOUT_MS)).status).toBe(200);
      const retried = await send(fixture, { fingerprint: 'committed-unanswered' });
      expect(retried.status).toBe(200);
      expect(retried.body.data).toEqual({
        events: 1,
        stored: 0,
        deduplicated: 1,
        unrouted: 0,
        beats: 0,
      });
      const later = await send(fixture, { fingerprint: 'during-outage' });
      expect(later.status).toBe(200);
      expect(later.body.data).toEqual({
        events: 1,
        stored: 1,
        deduplicated: 0,
        unrouted: 0,
        beats: 0,
      });

      const stored = await storedAlertKeys(fixture.t, fixture.integration.id);
      expect(Object.fromEntries(stored)).toEqual({
        'before-outage': 1,
        'committed-unanswered': 1,
        'during-outage': 1,
      });
      // The push log kept the refused push through the outage: it is what an operator looks for.
      expect(await loggedOutcomes(fixture, [unanswered])).toEqual([
        expect.objectContaining({ outcome: 'failed', httpStatus: 503, errorCode: 'Unavailable' }),
      ]);
    }, 90_000);

    it('answers 503 when open connections go silent, and recovers without a restart', async () => {
      expect((await send(fixture, { fingerprint: 'before-stall' })).status).toBe(200);

      // Nothing is closed, nothing answers: without a query timeout the push would wait for TCP
      // to give up, many minutes later, holding its connection all along.
      proxy.stall();
      const openBefore = proxy.connections.filter((connection) => !connection.closedByClient);
      expectUnavailable(await send(fixture, { fingerprint: 'during-stall' }));
      expectUnavailable(await send(fixture, { fingerprint: 'during-stall' }));
      // The connection that timed out is closed, not handed to the next push.
      expect(openBefore.some((connection) => connection.closedByClient)).toBe(true);

      proxy.restore();
      const retried = await send(fixture, { fingerprint: 'during-stall' });
      expect(retried.status).toBe(200);
      expect(retried.body.data).toEqual({
        events: 1,
        stored: 1,
        deduplicated: 0,
        unrouted: 0,
        beats: 0,
      });
      expect((await fixture.t.http.get('/readyz').timeout(PUSH_TIMEOUT_MS)).status).toBe(200);
      const stored = await storedAlertKeys(fixture.t, fixture.integration.id);
      expect(stored.get('before-stall')).toBe(1);
      expect(stored.get('during-stall')).toBe(1);
    }, 60_000);
  });
} else {
  describe('SQLite disk full', () => {
    const fixture = outageFixture(() => startTestApp());
    afterAll(() => fixture.t.close(), 60_000);

    /**
     * SQLite answers a full disk with SQLITE_FULL; capping the file at its current size with
     * `max_page_count` makes it answer exactly that, without filling a real disk.
     */
    async function capDatabaseSize(maxPages: number | 'current'): Promise<void> {
      const dataSource = fixture.t.app.get(DataSource);
      let pages = maxPages;
      if (pages === 'current') {
        const [row] = await dataSource.query<Array<{ page_count: number }>>('PRAGMA page_count');
        pages = row?.page_count ?? 0;
      }
      await dataSource.query(`PRAGMA max_page_count = ${pages}`);
    }

    it('answers 503 while nothing can be written, then stores the retried pushes once', async () => {
      expect((await send(fixture, { fingerprint: 'before-full' })).status).toBe(200);
      // Large enough to need new pages in the file.
      const large = Array.from({ length: 50 }, (_, index) => ({
        fingerprint: `while-full-${index}`,
        annotations: { summary: 'a large push', description: 'x'.repeat(2000) },
      }));

      await capDatabaseSize('current');
      expectUnavailable(await send(fixture, ...large));
      expectUnavailable(await send(fixture, ...large));

      await capDatabaseSize(1_073_741_823);
      const retried = await send(fixture, ...large);
      expect(retried.status).toBe(200);
      expect(retried.body.data).toMatchObject({ stored: large.length, deduplicated: 0 });

      const stored = await storedAlertKeys(fixture.t, fixture.integration.id);
      expect(stored.size).toBe(large.length + 1);
      expect([...stored.values()].every((count) => count === 1)).toBe(true);
    }, 60_000);

    it('answers 503 while every write is refused, and logs those pushes once writes succeed', async () => {
      // `query_only` makes SQLite refuse every write of the connection with SQLITE_READONLY, as
      // it does on a file the process may not write; unlike the file, it can be undone.
      const dataSource = fixture.t.app.get(DataSource);
      await dataSource.query('PRAGMA query_only = ON');
      const refused = [
        await send(fixture, { fingerprint: 'read-only-1' }),
        await send(fixture, { fingerprint: 'read-only-2' }),
      ];
      refused.forEach(expectUnavailable);
      const notReady = await fixture.t.http.get('/readyz');
      expect(notReady.body.error).toMatchObject({ details: { failing: ['writable'] } });
      // Reading the log writes what waits first: that write is refused too.
      expect(await loggedOutcomes(fixture, refused)).toEqual([undefined, undefined]);

      await dataSource.query('PRAGMA query_only = OFF');
      expect((await fixture.t.http.get('/readyz')).status).toBe(200);
      expect((await send(fixture, { fingerprint: 'read-only-1' })).status).toBe(200);
      const failed = expect.objectContaining({ outcome: 'failed', httpStatus: 503 });
      expect(await loggedOutcomes(fixture, refused)).toEqual([failed, failed]);
    }, 60_000);
  });
}

describe('a database the server may read but not write', () => {
  let database: TestDatabase;
  let integration: CreatedIntegration;
  let server: ReadOnlyServer | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    const writable = await startTestApp({ database });
    integration = await createPrivateIntegration(writable, await createChannel(writable));
    await writable.app.close();
    server = await startOnReadOnlyDatabase(database, writable.config.core.adminToken);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await database.drop();
  }, 60_000);

  it('answers 503 to every write and is not ready, while reads go on', async () => {
    const clients = server as ReadOnlyServer;
    expectUnavailable(await push(clients, integration, alertmanagerPush({ fingerprint: 'ro' })));
    expectUnavailable(await clients.admin.post('/api/v1/channels').send({ name: 'refused' }));

    const notReady = await clients.http.get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body.error).toMatchObject({
      code: 'Unavailable',
      details: { failing: ['writable'] },
    });
    const channels = await clients.admin.get('/api/v1/channels');
    expect(channels.status).toBe(200);
    expect(channels.body.data).toEqual([expect.objectContaining({ id: integration.channelId })]);
  }, 60_000);
});
