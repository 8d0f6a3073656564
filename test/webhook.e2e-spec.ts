import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrometheusPluginModule } from '@alert-hub/plugin-prometheus';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  push,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { UptimePluginModule } from './support/uptime-plugin/uptime.plugin.js';

describe('webhook endpoint', () => {
  let t: TestApp;
  let channelId: string;
  let integration: CreatedIntegration;

  beforeAll(async () => {
    t = await startTestApp({
      plugins: [PrometheusPluginModule, UptimePluginModule],
      env: { MAX_BODY_BYTES: '65536' },
    });
    channelId = await createChannel(t);
    integration = await createPrivateIntegration(t, channelId);
  });
  afterAll(() => t.close());

  async function eventsOf(alertKey: string) {
    const response = await t.admin.get('/api/v1/events').query({ alertKey });
    return response.body.data as Array<Record<string, unknown>>;
  }

  it('answers with a request id and a summary once the events are stored', async () => {
    const response = await push(t, integration, alertmanagerPush({ fingerprint: 'summary-1' }));
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe(response.body.request_id);
    expect(response.body.data).toEqual({
      events: 1,
      stored: 1,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    });
    const [event] = await eventsOf('summary-1');
    expect(event).toMatchObject({
      integrationId: integration.id,
      channelId,
      status: 'firing',
      severity: 'Warning',
      eventStatus: 'Warning',
      sourceSeverity: 'warning',
      title: 'API latency is high',
      requestId: response.body.request_id,
      startsAt: '2026-11-01T10:00:00.000Z',
      endsAt: null,
    });
    const detail = await t.admin.get(`/api/v1/events/${String(event?.id)}`);
    expect(detail.body.data.raw).toMatchObject({ fingerprint: 'summary-1', status: 'firing' });
  });

  it('takes the key from Authorization: Bearer too', async () => {
    const response = await t.http
      .post('/webhooks/prometheus')
      .set('Authorization', `Bearer ${integration.integrationKey}`)
      .send(alertmanagerPush({ fingerprint: 'bearer-1' }));
    expect(response.status).toBe(200);
    expect(await eventsOf('bearer-1')).toHaveLength(1);
  });

  it('folds firing then resolved into one alert that resolves', async () => {
    const startsAt = '2026-11-02T08:00:00Z';
    await push(t, integration, alertmanagerPush({ fingerprint: 'life-1', startsAt }));
    await push(
      t,
      integration,
      alertmanagerPush({
        fingerprint: 'life-1',
        startsAt,
        labels: { alertname: 'HighLatency', severity: 'critical' },
      }),
    );
    const resolved = await push(
      t,
      integration,
      alertmanagerPush({
        fingerprint: 'life-1',
        startsAt,
        status: 'resolved',
        endsAt: '2026-11-02T08:30:00Z',
      }),
    );
    expect(resolved.body.data).toEqual({
      events: 1,
      stored: 1,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    });

    const alerts = await t.admin.get('/api/v1/alerts').query({ alertKey: 'life-1' });
    expect(alerts.body.data).toHaveLength(1);
    const [alert] = alerts.body.data;
    expect(alert).toMatchObject({
      channelId,
      status: 'resolved',
      severity: 'Critical',
      eventCount: 3,
      startsAt: '2026-11-02T08:00:00.000Z',
      resolvedAt: '2026-11-02T08:30:00.000Z',
    });
    expect(alert).not.toHaveProperty('lastEventSignature');
    const detail = await t.admin.get(`/api/v1/alerts/${alert.id}`);
    expect(detail.body.data.events.map((e: { eventStatus: string }) => e.eventStatus)).toEqual([
      'Ok',
      'Critical',
      'Warning',
    ]);
  });

  it('counts a repeated push as deduplicated and stores no new event', async () => {
    const body = alertmanagerPush({ fingerprint: 'repeat-1' }, { fingerprint: 'repeat-2' });
    expect((await push(t, integration, body)).body.data).toMatchObject({
      stored: 2,
      deduplicated: 0,
    });
    const again = await push(t, integration, body);
    expect(again.body.data).toEqual({
      events: 2,
      stored: 0,
      deduplicated: 2,
      unrouted: 0,
      beats: 0,
    });
    expect(await eventsOf('repeat-1')).toHaveLength(1);
    const alerts = await t.admin.get('/api/v1/alerts').query({ alertKey: 'repeat-1' });
    expect(alerts.body.data[0]).toMatchObject({ eventCount: 1, repeatCount: 1, status: 'active' });
  });

  it('handles a group with a firing and a resolved alert per alert', async () => {
    await push(
      t,
      integration,
      alertmanagerPush({ fingerprint: 'mixed-a' }, { fingerprint: 'mixed-b' }),
    );
    const mixed = await push(
      t,
      integration,
      alertmanagerPush({ fingerprint: 'mixed-a', status: 'resolved' }, { fingerprint: 'mixed-b' }),
    );
    expect(mixed.body.data).toEqual({
      events: 2,
      stored: 1,
      deduplicated: 1,
      unrouted: 0,
      beats: 0,
    });
    const a = await t.admin.get('/api/v1/alerts').query({ alertKey: 'mixed-a' });
    const b = await t.admin.get('/api/v1/alerts').query({ alertKey: 'mixed-b' });
    expect(a.body.data[0].status).toBe('resolved');
    expect(b.body.data[0].status).toBe('active');
  });

  it('does not reopen a resolved alert for a late firing event of the same occurrence', async () => {
    const startsAt = '2026-11-03T08:00:00Z';
    await push(t, integration, alertmanagerPush({ fingerprint: 'stale-1', startsAt }));
    await push(
      t,
      integration,
      alertmanagerPush({ fingerprint: 'stale-1', startsAt, status: 'resolved' }),
    );
    const late = await push(
      t,
      integration,
      alertmanagerPush({ fingerprint: 'stale-1', startsAt, annotations: { summary: 'late copy' } }),
    );
    expect(late.status).toBe(200);
    const alerts = await t.admin.get('/api/v1/alerts').query({ alertKey: 'stale-1' });
    expect(alerts.body.data.map((a: { status: string }) => a.status)).toEqual(['resolved']);

    // A new occurrence (a later startsAt) opens a new alert.
    await push(
      t,
      integration,
      alertmanagerPush({ fingerprint: 'stale-1', startsAt: '2026-11-03T09:00:00Z' }),
    );
    const after = await t.admin.get('/api/v1/alerts').query({ alertKey: 'stale-1' });
    expect(after.body.data.map((a: { status: string }) => a.status)).toEqual([
      'active',
      'resolved',
    ]);
  });

  it('treats severity=ok as a resolution', async () => {
    await push(t, integration, alertmanagerPush({ fingerprint: 'ok-1' }));
    await push(
      t,
      integration,
      alertmanagerPush({
        fingerprint: 'ok-1',
        labels: { alertname: 'HighLatency', severity: 'ok' },
      }),
    );
    const alerts = await t.admin.get('/api/v1/alerts').query({ alertKey: 'ok-1' });
    expect(alerts.body.data[0].status).toBe('resolved');
  });

  describe('refused pushes store nothing and say why', () => {
    async function expectError(
      response: {
        status: number;
        body: { request_id?: string; error?: { code: string; message: string } };
      },
      status: number,
      code: string,
    ) {
      expect(response.status).toBe(status);
      expect(response.body.error?.code).toBe(code);
      expect(typeof response.body.error?.message).toBe('string');
      expect(response.body.request_id).toMatch(/^[0-9a-f-]{36}$/);
      const events = await t.admin.get('/api/v1/events').query({ alertKey: 'refused' });
      expect(events.body.data).toEqual([]);
    }
    const refused = () => alertmanagerPush({ fingerprint: 'refused' });

    it('400 InvalidPayload with the JSON path of the problem', async () => {
      const body = alertmanagerPush({ fingerprint: 'refused' });
      (body.alerts as Array<Record<string, unknown>>)[0].status = 'exploded';
      const response = await push(t, integration, body);
      await expectError(response, 400, 'InvalidPayload');
      expect(response.body.error.message).toContain('$.alerts[0].status');
    });

    it('400 InvalidPayload for malformed JSON', async () => {
      const response = await t.http
        .post('/webhooks/prometheus')
        .query({ integration_key: integration.integrationKey })
        .set('Content-Type', 'application/json')
        .send('{"alerts": [');
      await expectError(response, 400, 'InvalidPayload');
    });

    it('400 InvalidParameter for a key given twice', async () => {
      const response = await t.http
        .post(
          `/webhooks/prometheus?integration_key=${integration.integrationKey}&integration_key=other`,
        )
        .send(refused());
      await expectError(response, 400, 'InvalidParameter');
    });

    it('401 Unauthorized without a key or with an unknown one', async () => {
      await expectError(
        await t.http.post('/webhooks/prometheus').send(refused()),
        401,
        'Unauthorized',
      );
      const unknown = await push(t, { ...integration, integrationKey: 'not-a-key' }, refused());
      await expectError(unknown, 401, 'Unauthorized');
      expect(unknown.body.error.message).not.toContain('not-a-key');
    });

    it('404 RouteNotFound for a plugin that is not enabled', async () => {
      const response = await push(t, { ...integration, pluginId: 'no-such-source' }, refused());
      await expectError(response, 404, 'RouteNotFound');
    });

    it('409 PluginMismatch for a key of another plugin', async () => {
      const response = await push(t, { ...integration, pluginId: 'uptime-check' }, refused());
      await expectError(response, 409, 'PluginMismatch');
      expect(response.body.error.message).toContain('/webhooks/prometheus');
    });

    it('413 PayloadTooLarge above MAX_BODY_BYTES', async () => {
      const body = alertmanagerPush({
        fingerprint: 'refused',
        annotations: { summary: 'x'.repeat(70_000) },
      });
      await expectError(await push(t, integration, body), 413, 'PayloadTooLarge');
    });

    it('415 InvalidContentType for a body that is not JSON', async () => {
      const response = await t.http
        .post('/webhooks/prometheus')
        .query({ integration_key: integration.integrationKey })
        .set('Content-Type', 'application/xml')
        .send('<alerts/>');
      await expectError(response, 415, 'InvalidContentType');
    });

    it('422 NoRoute for a shared integration without rules', async () => {
      const shared = await t.admin
        .post('/api/v1/integrations')
        .send({ name: 'shared', pluginId: 'prometheus', type: 'shared' });
      const response = await push(t, shared.body.data, refused());
      await expectError(response, 422, 'NoRoute');
    });
  });

  it('accepts a plugin defined outside plugins/, registered with one module', async () => {
    const uptime = await createPrivateIntegration(t, channelId, 'uptime-check');
    const response = await push(t, uptime, {
      checks: [{ id: '42', name: 'Checkout', state: 'down', severity: 'ticket' }],
    });
    expect(response.status).toBe(200);
    const [event] = await eventsOf('check-42');
    expect(event).toMatchObject({
      title: 'Checkout is down',
      severity: 'Warning',
      pluginId: 'uptime-check',
    });
  });
});
