import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { createChannel, createPrivateIntegration, push } from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('integrations API', () => {
  let t: TestApp;
  let channelId: string;
  beforeAll(async () => {
    t = await startTestApp();
    channelId = await createChannel(t);
  });
  afterAll(() => t.close());

  it('creates a private integration with a key and a push URL', async () => {
    const response = await t.admin
      .post('/api/v1/integrations')
      .send({ name: 'prod Alertmanager', pluginId: 'prometheus', type: 'private', channelId });
    expect(response.status).toBe(201);
    const integration = response.body.data;
    expect(integration).toMatchObject({
      name: 'prod Alertmanager',
      pluginId: 'prometheus',
      pluginAvailable: true,
      type: 'private',
      channelId,
      enabled: true,
      latestEventAt: null,
    });
    // 24 random bytes, base64url: 192 bits, safe in a URL as is.
    expect(integration.integrationKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(integration.pushUrl).toBe(
      `http://alert-hub.test/webhooks/prometheus?integration_key=${integration.integrationKey}`,
    );
    expect(integration).not.toHaveProperty('integrationKeyHash');
  });

  it('validates the type, the plugin and the channel', async () => {
    const noChannel = await t.admin
      .post('/api/v1/integrations')
      .send({ name: 'x', pluginId: 'prometheus', type: 'private' });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.error.details.join()).toMatch(/channelId must be a UUID/);

    const badType = await t.admin
      .post('/api/v1/integrations')
      .send({ name: 'x', pluginId: 'prometheus', type: 'public', channelId });
    expect(badType.status).toBe(400);
    expect(badType.body.error.details.join()).toMatch(/type must be one of/);

    const unknownPlugin = await t.admin
      .post('/api/v1/integrations')
      .send({ name: 'x', pluginId: 'nagios', type: 'private', channelId });
    expect(unknownPlugin.status).toBe(400);
    expect(unknownPlugin.body.error.message).toMatch(/no plugin "nagios"/);

    const unknownChannel = await t.admin.post('/api/v1/integrations').send({
      name: 'x',
      pluginId: 'prometheus',
      type: 'private',
      channelId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownChannel.status).toBe(400);
    expect(unknownChannel.body.error.message).toMatch(/unknown channel/);

    const sharedWithChannel = await t.admin
      .post('/api/v1/integrations')
      .send({ name: 'x', pluginId: 'prometheus', type: 'shared', channelId });
    expect(sharedWithChannel.status).toBe(400);
    expect(sharedWithChannel.body.error.message).toMatch(/shared integration/);
  });

  it('lists with filters, updates, and deletes', async () => {
    const otherChannel = await createChannel(t);
    const mine = await createPrivateIntegration(t, otherChannel);
    const listed = await t.admin.get('/api/v1/integrations').query({ channelId: otherChannel });
    expect(listed.body.data.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const byPlugin = await t.admin.get('/api/v1/integrations').query({ pluginId: 'nothing' });
    expect(byPlugin.body.data).toEqual([]);

    const updated = await t.admin
      .patch(`/api/v1/integrations/${mine.id}`)
      .send({ name: 'renamed', channelId });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ name: 'renamed', channelId });

    expect((await t.admin.delete(`/api/v1/integrations/${mine.id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/integrations/${mine.id}`)).status).toBe(404);
    expect((await push(t, mine, alertmanagerPush({}))).status).toBe(401);
  });

  it('rotates the key: the old one stops working at once', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    expect((await push(t, integration, alertmanagerPush({}))).status).toBe(200);

    const rotated = await t.admin.post(`/api/v1/integrations/${integration.id}/rotate-key`);
    expect(rotated.status).toBe(200);
    const newKey = rotated.body.data.integrationKey as string;
    expect(newKey).not.toBe(integration.integrationKey);

    const withOldKey = await push(t, integration, alertmanagerPush({}));
    expect(withOldKey.status).toBe(401);
    expect(withOldKey.body.error.code).toBe('Unauthorized');
    const withNewKey = await push(
      t,
      { ...integration, integrationKey: newKey },
      alertmanagerPush({}),
    );
    expect(withNewKey.status).toBe(200);
  });

  it('runs an action sent with Content-Type: application/json and no body', async () => {
    const integration = await createPrivateIntegration(t, await createChannel(t));
    for (const action of ['rotate-key', 'test']) {
      const response = await t.admin
        .post(`/api/v1/integrations/${integration.id}/${action}`)
        .set('Content-Type', 'application/json');
      expect({ action, status: response.status }).toEqual({ action, status: 200 });
    }
  });

  it('refuses an admin body that is not JSON with 415, naming JSON', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'name=form'],
      ['text/plain', '{"name": "text"}'],
    ]) {
      const response = await t.admin.post('/api/v1/channels').set('Content-Type', type).send(body);
      expect(response.status).toBe(415);
      expect(response.body.error).toMatchObject({
        code: 'InvalidContentType',
        details: { accepted: ['application/json'] },
      });
    }
  });

  it('refuses pushes while disabled and accepts them again once enabled', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    await t.admin.patch(`/api/v1/integrations/${integration.id}`).send({ enabled: false });
    const refused = await push(t, integration, alertmanagerPush({ fingerprint: 'disabled-1' }));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('IntegrationDisabled');
    const stored = await t.admin.get('/api/v1/events').query({ integrationId: integration.id });
    expect(stored.body.data).toEqual([]);

    await t.admin.patch(`/api/v1/integrations/${integration.id}`).send({ enabled: true });
    expect(
      (await push(t, integration, alertmanagerPush({ fingerprint: 'disabled-1' }))).status,
    ).toBe(200);
  });

  it('serves the setup guide with this integration push URL filled in', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const response = await t.admin.get(`/api/v1/integrations/${integration.id}/docs`);
    expect(response.status).toBe(200);
    const { pushUrl, setup, samples } = response.body.data;
    expect(pushUrl).toContain(integration.integrationKey);
    expect(setup).toContain(pushUrl);
    expect(setup).not.toContain('{{pushUrl}}');
    expect(setup).not.toContain('{{severityTable}}');
    expect(Object.keys(samples).length).toBeGreaterThan(0);
  });

  it('records the time of the latest event', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const before = Date.now();
    await push(t, integration, alertmanagerPush({ fingerprint: 'latest-1' }));
    const response = await t.admin.get(`/api/v1/integrations/${integration.id}`);
    expect(Date.parse(response.body.data.latestEventAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('pushes the plugin sample through the real pipeline on request', async () => {
    const integration = await createPrivateIntegration(t, channelId);
    const response = await t.admin.post(`/api/v1/integrations/${integration.id}/test`);
    expect(response.status).toBe(200);
    expect(response.body.data.events).toBeGreaterThan(0);
    expect(response.body.data.stored).toBe(response.body.data.events);
    const events = await t.admin.get('/api/v1/events').query({ integrationId: integration.id });
    expect(events.body.data).toHaveLength(response.body.data.events);
  });
});
