import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { createChannel, createPrivateIntegration, push } from './support/admin-fixtures.js';
import { cutDatabaseOff, restoreDatabase } from './support/database-outage.js';
import { LogCapture } from './support/log-capture.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('health probes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /healthz without credentials', async () => {
    const response = await t.http.get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const response = await t.http.get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
  });

  it('is not ready while a migration this build knows is missing from the database', async () => {
    const dataSource = t.app.get(DataSource);
    const [migration] = dataSource.migrations;
    const rows = await dataSource.query<{ name: string; timestamp: number }[]>(
      `SELECT name, timestamp FROM migrations WHERE name = '${migration?.name}'`,
    );
    await dataSource.query(`DELETE FROM migrations WHERE name = '${migration?.name}'`);
    try {
      const response = await t.http.get('/readyz');
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({
        code: 'Unavailable',
        details: { failing: ['migrations'] },
      });
      expect(response.body.request_id).toBe(response.headers['x-request-id']);
    } finally {
      const [row] = rows;
      await dataSource.query(
        `INSERT INTO migrations (timestamp, name) VALUES (${row?.timestamp}, '${row?.name}')`,
      );
    }
    expect((await t.http.get('/readyz')).status).toBe(200);
  });
});

describe('health probes while the database is down', () => {
  let t: TestApp;
  const logs = new LogCapture();

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'info' }, logDestination: logs });
  });
  afterEach(() => restoreDatabase(t));
  afterAll(() => t.close());

  it('stays alive but not ready, says why in the log, and ready again when it is back', async () => {
    const integration = await createPrivateIntegration(t, await createChannel(t));
    await cutDatabaseOff(t);

    expect((await t.http.get('/healthz')).status).toBe(200);
    const notReady = await t.http.get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body.error).toMatchObject({
      code: 'Unavailable',
      details: { failing: expect.arrayContaining(['database']) },
    });
    // The reason is logged for the operator, on a line that carries the probe's request id.
    const [reason] = logs.linesOf(notReady.body.request_id).filter((l) => l.msg === 'not ready');
    expect(reason).toMatchObject({ level: 'warn', checks: { database: { status: 'down' } } });

    // A push fails with a 5xx (the sender retries); its lines carry the push's request id even
    // though it was read from a body.
    const failed = await push(t, integration, alertmanagerPush({ fingerprint: 'outage-1' }));
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const pushLine = logs.linesOf(failed.body.request_id).find((l) => l.context === 'Push');
    expect(pushLine).toMatchObject({ level: 'warn', outcome: 'failed', status: failed.status });
    expect(logs.linesOf(failed.body.request_id).find((l) => l.context === 'Api')).toMatchObject({
      level: 'error',
    });

    if (await restoreDatabase(t)) {
      expect((await t.http.get('/readyz')).status).toBe(200);
    }
  });
});
