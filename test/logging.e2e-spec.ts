import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  push,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { LogCapture } from './support/log-capture.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('logs', () => {
  let t: TestApp;
  const logs = new LogCapture();
  const secrets: string[] = [];

  beforeAll(async () => {
    // The most verbose level: whatever any line would ever say, this run says it.
    t = await startTestApp({ env: { LOG_LEVEL: 'trace' }, logDestination: logs });
    secrets.push(t.config.core.adminToken);
  });
  afterAll(() => t.close());

  it('write one JSON line per push with its request id, and never a key or the admin token', async () => {
    const integration: CreatedIntegration = await createPrivateIntegration(
      t,
      await createChannel(t),
    );
    secrets.push(integration.integrationKey);

    const inQuery = await push(t, integration, alertmanagerPush({ fingerprint: 'log-1' }));
    const asBearer = await t.http
      .post('/webhooks/prometheus')
      .set('Authorization', `Bearer ${integration.integrationKey}`)
      .send(alertmanagerPush({ fingerprint: 'log-2' }));
    const wrongPlugin = await t.http
      .post('/webhooks/aliyun-prometheus')
      .query({ integration_key: integration.integrationKey })
      .send(alertmanagerPush());
    const unknownKey = 'an-unknown-key-that-is-still-a-secret';
    secrets.push(unknownKey);
    const refused = await t.http
      .post('/webhooks/prometheus')
      .query({ integration_key: unknownKey })
      .send(alertmanagerPush());
    const rotated = await t.admin.post(`/api/v1/integrations/${integration.id}/rotate-key`);
    secrets.push(rotated.body.data.integrationKey as string);
    const oldKey = await push(t, integration, alertmanagerPush({ fingerprint: 'log-3' }));
    const badToken = await t.http
      .get('/api/v1/channels')
      .set('Authorization', `Bearer ${t.config.core.adminToken}x`);
    expect([inQuery.status, asBearer.status, wrongPlugin.status, refused.status]).toEqual([
      200, 200, 409, 401,
    ]);
    expect([rotated.status, oldKey.status, badToken.status]).toEqual([200, 401, 401]);

    for (const secret of secrets) expect(logs.text).not.toContain(secret);

    const pushLine = logs.linesOf(inQuery.body.request_id).find((line) => line.context === 'Push');
    expect(pushLine).toMatchObject({
      level: 'info',
      msg: 'push accepted',
      plugin: 'prometheus',
      integrationId: integration.id,
      outcome: 'accepted',
      status: 200,
      errorCode: null,
      events: 1,
      stored: 1,
      deduplicated: 0,
      unrouted: 0,
      durationMs: expect.any(Number),
    });
    const refusedLine = logs.linesOf(wrongPlugin.body.request_id).find((l) => l.context === 'Push');
    expect(refusedLine).toMatchObject({
      outcome: 'refused',
      status: 409,
      errorCode: 'PluginMismatch',
      integrationId: integration.id,
    });
    // Every request ends with a line of its own, its path given without the query.
    expect(logs.linesOf(inQuery.body.request_id)).toContainEqual(
      expect.objectContaining({
        msg: 'request completed',
        method: 'POST',
        path: '/webhooks/prometheus',
        status: 200,
      }),
    );
  });

  it('write nothing but JSON lines, each with a level and a time', () => {
    const lines = logs.lines();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String) });
    }
  });
});

describe('LOG_LEVEL', () => {
  it('keeps request lines at debug and push lines at info', async () => {
    const logs = new LogCapture();
    const t = await startTestApp({ env: { LOG_LEVEL: 'info' }, logDestination: logs });
    try {
      const integration = await createPrivateIntegration(t, await createChannel(t));
      const pushed = await push(t, integration, alertmanagerPush());
      const levels = logs.linesOf(pushed.body.request_id).map((line) => line.level);
      expect(levels).toEqual(['info']);
      expect(logs.lines().filter((line) => line.level === 'debug')).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
