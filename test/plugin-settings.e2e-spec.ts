import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hmacSha256Hex } from '@alert-hub/plugin-sdk';
import firing from '../plugins/grafana/fixtures/firing.json' with { type: 'json' };
import { createChannel, createPrivateIntegration } from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'a-long-random-grafana-hmac-secret';
const BODY = JSON.stringify(firing);

interface IntegrationBody {
  id: string;
  integrationKey: string;
  settings: Record<string, unknown>;
}

/** Per-integration settings and request verification, shown with Grafana's HMAC signature. */
describe('plugin settings and request verification (grafana)', () => {
  let t: TestApp;
  let channelId: string;

  beforeAll(async () => {
    t = await startTestApp();
    channelId = await createChannel(t);
  });
  afterAll(() => t.close());

  async function signedIntegration(settings: Record<string, unknown> = {}) {
    const response = await t.admin.post('/api/v1/integrations').send({
      name: 'signed grafana',
      pluginId: 'grafana',
      type: 'private',
      channelId,
      settings: { hmacSecret: SECRET, ...settings },
    });
    expect(response.status).toBe(201);
    return (response.body as { data: IntegrationBody }).data;
  }

  function pushSigned(integration: IntegrationBody, headers: Record<string, string>) {
    return t.http
      .post('/webhooks/grafana')
      .query({ integration_key: integration.integrationKey })
      .set('content-type', 'application/json')
      .set(headers)
      .send(BODY);
  }

  it('lists the settings a plugin declares', async () => {
    const response = await t.admin.get('/api/v1/plugins/grafana');
    expect(response.body.data.settings).toContainEqual({
      name: 'hmacSecret',
      kind: 'secret',
      required: false,
      description: expect.any(String) as unknown,
    });
  });

  it('stores settings, applies defaults and never answers with a secret', async () => {
    const created = await signedIntegration({ timestampHeader: 'X-Grafana-Alerting-Timestamp' });
    const expected = {
      hmacSecret: { set: true },
      signatureHeader: 'X-Grafana-Alerting-Signature',
      timestampHeader: 'X-Grafana-Alerting-Timestamp',
      maxSignatureAgeSeconds: 300,
    };
    expect(created.settings).toEqual(expected);
    const read = await t.admin.get(`/api/v1/integrations/${created.id}`);
    expect(read.body.data.settings).toEqual(expected);
    const listed = await t.admin.get('/api/v1/integrations').query({ pluginId: 'grafana' });
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    expect(JSON.stringify(read.body)).not.toContain(SECRET);
  });

  it('keeps a stored secret when a change leaves it out, and clears a setting given null', async () => {
    const created = await signedIntegration({ timestampHeader: 'X-Grafana-Alerting-Timestamp' });
    const changed = await t.admin
      .patch(`/api/v1/integrations/${created.id}`)
      .send({ settings: { timestampHeader: null } });
    expect(changed.status).toBe(200);
    expect(changed.body.data.settings).toEqual({
      hmacSecret: { set: true },
      signatureHeader: 'X-Grafana-Alerting-Signature',
      maxSignatureAgeSeconds: 300,
    });
    const signature = hmacSha256Hex(SECRET, [BODY]);
    const pushed = await pushSigned(created, { 'X-Grafana-Alerting-Signature': signature });
    expect(pushed.status).toBe(200);
  });

  it.each([
    [{ hmacSecret: 42 }, 'settings: hmacSecret must be a non-empty string'],
    [{ maxSignatureAgeSeconds: '300' }, 'settings: maxSignatureAgeSeconds must be a number'],
    [
      { colour: 'red' },
      'settings: colour is not a setting of this plugin (settings: hmacSecret, signatureHeader, timestampHeader, maxSignatureAgeSeconds)',
    ],
  ])('refuses settings %j with 400 naming the setting', async (settings, message) => {
    const response = await t.admin.post('/api/v1/integrations').send({
      name: 'bad settings',
      pluginId: 'grafana',
      type: 'private',
      channelId,
      settings,
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'InvalidParameter', message });
  });

  it('refuses settings that are not an object, and settings on a plugin without any', async () => {
    const notObject = await t.admin.post('/api/v1/integrations').send({
      name: 'bad settings',
      pluginId: 'grafana',
      type: 'private',
      channelId,
      settings: 'secret',
    });
    expect(notObject.status).toBe(400);
    expect(notObject.body.error.message).toContain('settings must be an object');
    const prometheus = await createPrivateIntegration(t, channelId);
    const patched = await t.admin
      .patch(`/api/v1/integrations/${prometheus.id}`)
      .send({ settings: { hmacSecret: SECRET } });
    expect(patched.status).toBe(400);
    expect(patched.body.error.message).toBe(
      'settings: hmacSecret is not a setting of this plugin (settings: none)',
    );
  });

  it('accepts a correctly signed push', async () => {
    const integration = await signedIntegration();
    const signature = hmacSha256Hex(SECRET, [BODY]);
    const response = await pushSigned(integration, { 'X-Grafana-Alerting-Signature': signature });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ events: 2, stored: 2 });
  });

  it('accepts a push signed over "<timestamp>:<body>"', async () => {
    const integration = await signedIntegration({
      timestampHeader: 'X-Grafana-Alerting-Timestamp',
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await pushSigned(integration, {
      'X-Grafana-Alerting-Timestamp': timestamp,
      'X-Grafana-Alerting-Signature': hmacSha256Hex(SECRET, [`${timestamp}:`, BODY]),
    });
    expect(response.status).toBe(200);
  });

  it('refuses a forged push with 401, and tells the reason to the push log only', async () => {
    const integration = await signedIntegration();
    const forged = hmacSha256Hex('guessed secret', [BODY]);
    const response = await pushSigned(integration, { 'X-Grafana-Alerting-Signature': forged });
    expect(response.status).toBe(401);
    expect(response.body.error).toEqual({
      code: 'SignatureInvalid',
      message: 'the request could not be verified as coming from the source',
    });
    const unsigned = await pushSigned(integration, {});
    expect(unsigned.status).toBe(401);

    const log = await t.admin.get(`/api/v1/integrations/${integration.id}/pushes`);
    expect(log.body.data).toEqual([
      expect.objectContaining({
        requestId: unsigned.body.request_id,
        httpStatus: 401,
        errorCode: 'SignatureInvalid',
        errorMessage: 'no X-Grafana-Alerting-Signature header, and this integration has a secret',
      }),
      expect.objectContaining({
        requestId: response.body.request_id,
        httpStatus: 401,
        errorCode: 'SignatureInvalid',
        errorMessage:
          'X-Grafana-Alerting-Signature does not match the body: another secret, or the body was changed',
      }),
    ]);
    const events = await t.admin.get('/api/v1/events').query({ integrationId: integration.id });
    expect(events.body.data).toEqual([]);
  });
});
