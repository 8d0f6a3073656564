import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { PushLogEntry } from '../libs/core/src/push-log/push-log-entry.entity.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  createSharedIntegration,
  push,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface LoggedPush {
  requestId: string;
  receivedAt: string;
  pluginId: string;
  outcome: string;
  httpStatus: number;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  counts: Record<string, number> | null;
}

describe('push log', () => {
  let t: TestApp;
  let channelId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { MAX_BODY_BYTES: '65536' } });
    channelId = await createChannel(t);
  });
  afterAll(() => t.close());

  async function pushesOf(
    integration: CreatedIntegration,
    query: Record<string, string | number> = {},
  ): Promise<LoggedPush[]> {
    const response = await t.admin
      .get(`/api/v1/integrations/${integration.id}/pushes`)
      .query(query);
    expect(response.status).toBe(200);
    return response.body.data as LoggedPush[];
  }

  /** What the log says of a push refused with `status` and `code`. */
  function refusal(
    response: { body: { request_id: string } } | undefined,
    httpStatus: number,
    errorCode: string,
    more: Partial<LoggedPush> = {},
  ) {
    return expect.objectContaining({
      requestId: response?.body.request_id,
      outcome: 'refused',
      httpStatus,
      errorCode,
      counts: null,
      ...more,
    });
  }

  it('logs an accepted push with its request id, status and counts', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const body = alertmanagerPush({ fingerprint: 'log-a' }, { fingerprint: 'log-b' });
    const first = await push(t, integration, body);
    const repeat = await push(t, integration, body);

    const [latest, earlier] = await pushesOf(integration);
    expect(earlier).toMatchObject({
      requestId: first.body.request_id,
      pluginId: 'prometheus',
      outcome: 'accepted',
      httpStatus: 200,
      errorCode: null,
      errorMessage: null,
      counts: { events: 2, stored: 2, deduplicated: 0, unrouted: 0, beats: 0 },
    });
    expect(latest).toMatchObject({
      requestId: repeat.body.request_id,
      counts: { events: 2, stored: 0, deduplicated: 2, unrouted: 0, beats: 0 },
    });
    expect(Date.parse(latest?.receivedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(earlier?.receivedAt ?? ''),
    );
    expect(latest?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('counts unrouted events and logs a 422 NoRoute', async () => {
    const shared = await createSharedIntegration(t);
    const refused = await push(t, shared, alertmanagerPush({ fingerprint: 'log-noroute' }));
    expect(refused.status).toBe(422);
    const [entry] = await pushesOf(shared);
    expect(entry).toMatchObject({
      requestId: refused.body.request_id,
      outcome: 'refused',
      httpStatus: 422,
      errorCode: 'NoRoute',
      counts: null,
    });
    expect(entry?.errorMessage).toMatch(/no routing rules and no default channel/);

    const current = await t.admin.get(`/api/v1/integrations/${shared.id}/routes`);
    await t.admin.put(`/api/v1/integrations/${shared.id}/routes`).send({
      version: current.body.data.version,
      rules: [
        {
          name: 'elsewhere',
          conditions: [{ field: 'labels.team', operator: 'equals', value: 'nobody' }],
          channelIds: [channelId],
        },
      ],
    });
    await push(t, shared, alertmanagerPush({ fingerprint: 'log-unrouted' }));
    const [accepted] = await pushesOf(shared);
    expect(accepted?.counts).toEqual({
      events: 1,
      stored: 1,
      deduplicated: 0,
      unrouted: 1,
      beats: 0,
    });
  });

  it('logs pushes refused by the pipeline, with the error code and message', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const invalid = alertmanagerPush({ fingerprint: 'log-invalid' });
    (invalid.alerts as Array<Record<string, unknown>>)[0].status = 'exploded';
    const responses = [
      await push(t, integration, invalid),
      await push(t, { ...integration, pluginId: 'aliyun-prometheus' }, alertmanagerPush({})),
      await push(t, { ...integration, pluginId: 'nagios' }, alertmanagerPush({})),
    ];
    await t.admin.patch(`/api/v1/integrations/${integration.id}`).send({ enabled: false });
    responses.push(await push(t, integration, alertmanagerPush({})));

    const logged = (await pushesOf(integration)).reverse();
    expect(logged).toEqual([
      refusal(responses[0], 400, 'InvalidPayload', { pluginId: 'prometheus' }),
      refusal(responses[1], 409, 'PluginMismatch', { pluginId: 'aliyun-prometheus' }),
      refusal(responses[2], 404, 'RouteNotFound', { pluginId: 'nagios' }),
      refusal(responses[3], 403, 'IntegrationDisabled', { pluginId: 'prometheus' }),
    ]);
    expect(logged[0]?.errorMessage).toContain('$.alerts[0].status');
  });

  it('logs pushes refused before the handler: 413, 415 and malformed JSON', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const url = `/webhooks/prometheus?integration_key=${integration.integrationKey}`;
    const tooLarge = await t.http
      .post(url)
      .send(alertmanagerPush({ annotations: { summary: 'x'.repeat(70_000) } }));
    const notJson = await t.http.post(url).set('Content-Type', 'application/xml').send('<alerts/>');
    const malformed = await t.http
      .post('/webhooks/prometheus')
      .set('Authorization', `Bearer ${integration.integrationKey}`)
      .set('Content-Type', 'application/json')
      .send('{"alerts": [');
    expect([tooLarge.status, notJson.status, malformed.status]).toEqual([413, 415, 400]);

    expect((await pushesOf(integration)).reverse()).toEqual([
      refusal(tooLarge, 413, 'PayloadTooLarge'),
      refusal(notJson, 415, 'InvalidContentType'),
      refusal(malformed, 400, 'InvalidPayload'),
    ]);
  });

  it('logs the test push, never shows the key, and logs nothing for pushes it cannot tie', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const test = await t.admin.post(`/api/v1/integrations/${integration.id}/test`);
    await push(t, { ...integration, integrationKey: 'not-a-key' }, alertmanagerPush({}));
    await t.http.post('/webhooks/prometheus').send(alertmanagerPush({}));

    const response = await t.admin.get(`/api/v1/integrations/${integration.id}/pushes`);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0]).toMatchObject({
      requestId: test.body.request_id,
      outcome: 'accepted',
      counts: test.body.data,
    });
    expect(JSON.stringify(response.body)).not.toContain(integration.integrationKey);
  });

  it('pages newest first and filters by outcome', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const requestIds: string[] = [];
    for (const fingerprint of ['page-1', 'page-2', 'page-3']) {
      requestIds.push(
        (await push(t, integration, alertmanagerPush({ fingerprint }))).body.request_id,
      );
    }
    requestIds.push((await push(t, integration, { alerts: 'no' })).body.request_id);

    const first = await t.admin
      .get(`/api/v1/integrations/${integration.id}/pushes`)
      .query({ limit: 3 });
    expect(first.body.data.map((entry: LoggedPush) => entry.requestId)).toEqual(
      requestIds.slice(1).reverse(),
    );
    const second = await t.admin
      .get(`/api/v1/integrations/${integration.id}/pushes`)
      .query({ limit: 3, cursor: first.body.nextCursor });
    expect(second.body.data.map((entry: LoggedPush) => entry.requestId)).toEqual([requestIds[0]]);
    expect(second.body.nextCursor).toBeNull();

    const refused = await pushesOf(integration, { outcome: 'refused' });
    expect(refused.map((entry) => entry.requestId)).toEqual([requestIds[3]]);

    const badLimit = await t.admin
      .get(`/api/v1/integrations/${integration.id}/pushes`)
      .query({ limit: 5000 });
    expect(badLimit.status).toBe(400);
  });

  it('keeps the latest 1000 pushes of an integration and drops the oldest', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const seeded = Array.from({ length: 1000 }, (_, index) => ({
      integrationId: integration.id,
      requestId: `seed-${String(index).padStart(4, '0')}`,
      pluginId: 'prometheus',
      receivedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
      outcome: 'accepted' as const,
      httpStatus: 200,
      errorCode: null,
      errorMessage: null,
      events: 1,
      stored: 1,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
      durationMs: 1,
    }));
    const repository = t.app.get(DataSource).getRepository(PushLogEntry);
    for (let start = 0; start < seeded.length; start += 200) {
      await repository.insert(seeded.slice(start, start + 200));
    }

    const latest = await push(t, integration, alertmanagerPush({ fingerprint: 'bound-1' }));
    const logged = await pushesOf(integration, { limit: 1000 });
    expect(logged).toHaveLength(1000);
    expect(logged[0]?.requestId).toBe(latest.body.request_id);
    expect(logged.at(-1)?.requestId).toBe('seed-0001');
    expect(await repository.countBy({ integrationId: integration.id })).toBe(1000);
  });

  it('answers 404 for an unknown integration and forgets the log of a deleted one', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.admin.get(`/api/v1/integrations/${missing}/pushes`)).status).toBe(404);

    const integration = await createPrivateIntegration(t, channelId);
    await push(t, integration, alertmanagerPush({ fingerprint: 'deleted-1' }));
    expect(await pushesOf(integration)).toHaveLength(1);
    await t.admin.delete(`/api/v1/integrations/${integration.id}`);
    const repository = t.app.get(DataSource).getRepository(PushLogEntry);
    expect(await repository.countBy({ integrationId: integration.id })).toBe(0);
  });
});
