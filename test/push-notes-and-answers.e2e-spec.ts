import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ENABLED_PLUGIN_MODULES } from '../apps/server/src/plugins.js';
import confirmation from '../plugins/aws-cloudwatch/fixtures/sns-subscription-confirmation.handshake.json' with { type: 'json' };
import {
  createChannel,
  createPrivateIntegration,
  createSharedIntegration,
  push,
  pushLogEntry,
  pushRaw,
} from './support/admin-fixtures.js';
import { AnsweringPluginModule } from './support/answering-plugin/answering.plugin.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UPTIME_KUMA_TEST = { heartbeat: null, monitor: null, msg: 'My Webhook Testing' };

/** Why an accepted push stored nothing, in its push log entry; a plugin's own success body. */
describe('push notes and plugin answers', () => {
  let t: TestApp;
  let channelId: string;
  beforeAll(async () => {
    t = await startTestApp({ plugins: [...ENABLED_PLUGIN_MODULES, AnsweringPluginModule] });
    channelId = await createChannel(t);
  });
  afterAll(() => t.close());

  function requestIdOf(response: { headers: Record<string, string> }): string {
    return response.headers['x-request-id'] ?? '';
  }

  it("notes Uptime Kuma's test notification in the push log: 200, nothing stored", async () => {
    const uptimeKuma = await createPrivateIntegration(t, channelId, 'uptime-kuma');
    const response = await push(t, uptimeKuma, UPTIME_KUMA_TEST);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      events: 0,
      stored: 0,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    });
    expect(await pushLogEntry(t, uptimeKuma.id, requestIdOf(response))).toMatchObject({
      outcome: 'accepted',
      counts: { events: 0 },
      note: 'Uptime Kuma test notification: no monitor changed state, nothing stored',
    });
    const events = await t.admin.get('/api/v1/events').query({ integrationId: uptimeKuma.id });
    expect(events.body.data).toEqual([]);
  });

  it('leaves no note on a push that stored its events', async () => {
    const uptimeKuma = await createPrivateIntegration(t, channelId, 'uptime-kuma');
    const response = await t.admin.post(`/api/v1/integrations/${uptimeKuma.id}/test`);
    expect(response.status).toBe(200);
    expect(await pushLogEntry(t, uptimeKuma.id, response.body.request_id as string)).toMatchObject({
      counts: { events: 1, stored: 1 },
      note: null,
    });
  });

  it('notes what the admin test push of a sample carried, and answers it the core way', async () => {
    const answering = await createPrivateIntegration(t, channelId, 'answering-check');
    const response = await t.admin.post(`/api/v1/integrations/${answering.id}/test`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      request_id: requestIdOf(response),
      data: { events: 0, stored: 0, deduplicated: 0, unrouted: 0, beats: 0 },
    });
    expect((await pushLogEntry(t, answering.id, requestIdOf(response)))?.note).toBe(
      'a connectivity test of the sender: nothing stored',
    );
  });

  it("answers a source's push with the plugin's own body, the request id in its header", async () => {
    const answering = await createPrivateIntegration(t, channelId, 'answering-check');
    const response = await push(t, answering, {
      sessionId: 'session-42',
      alarm: { id: 'disk-1', name: 'Disk full', state: 'alarm' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ retCode: 0, sessionId: 'session-42' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await pushLogEntry(t, answering.id, requestIdOf(response))).toMatchObject({
      outcome: 'accepted',
      counts: { events: 1, stored: 1 },
    });
    const events = await t.admin.get('/api/v1/events').query({ integrationId: answering.id });
    expect(events.body.data).toEqual([expect.objectContaining({ title: 'Disk full' })]);
    const refused = await pushRaw(t, answering, '{"alarm": 7}');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('InvalidPayload');
  });

  it('answers 202 with the core body when the plugin asks for that status only', async () => {
    const answering = await createPrivateIntegration(t, channelId, 'answering-check');
    const response = await push(t, answering, {
      accepted: true,
      alarm: { id: 'disk-2', name: 'Disk full', state: 'alarm' },
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      request_id: requestIdOf(response),
      data: { events: 1, stored: 1, deduplicated: 0, unrouted: 0, beats: 0 },
    });
    expect(await pushLogEntry(t, answering.id, requestIdOf(response))).toMatchObject({
      outcome: 'accepted',
      httpStatus: 202,
    });
    // Errors stay the core's, whatever the plugin answers on success.
    const refused = await push(t, answering, { accepted: true, alarm: { id: 7 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('InvalidPayload');
  });

  it('shows notes in the route preview, and what a handshake would confirm', async () => {
    const uptimeKuma = await createSharedIntegration(t, 'uptime-kuma');
    const preview = await t.admin
      .post(`/api/v1/integrations/${uptimeKuma.id}/routes/preview`)
      .send({ payload: UPTIME_KUMA_TEST });
    expect(preview.status).toBe(200);
    expect(preview.body.data).toMatchObject({
      events: [],
      note: 'Uptime Kuma test notification: no monitor changed state, nothing stored',
    });

    const sns = await createSharedIntegration(t, 'aws-cloudwatch');
    const handshake = await t.admin.post(`/api/v1/integrations/${sns.id}/routes/preview`).send({
      payload: {
        Type: 'SubscriptionConfirmation',
        MessageId: confirmation.messageId,
        TopicArn: 'arn:aws:sns:eu-west-1:1234567890:alerta-test',
        Message: 'You have chosen to subscribe',
        SubscribeURL: confirmation.confirmUrl,
        Timestamp: '2018-07-08T21:33:44.782Z',
      },
    });
    expect(handshake.body.data).toEqual({
      routes: 'saved',
      refused: null,
      events: [],
      note: `A push of this payload confirms ${confirmation.description} (GET ${confirmation.confirmUrl}) and stores no events`,
    });
  });
});
