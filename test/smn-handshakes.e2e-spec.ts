import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createChannel,
  createPrivateIntegration,
  pushLogEntry,
  pushRaw,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import {
  FAKE_HOST_CERTIFICATE_PEM,
  FakeHttpsHost,
  TEST_CA_FILE,
  answer,
} from './support/fake-https-host.js';
import {
  SMN_CERT_PATH,
  SMN_CONFIRM_PATH,
  SMN_CONSOLE_HOST,
  SMN_HOST,
  SMN_TOPIC,
  cesAlarmNotification,
  smnSubscriptionConfirmation,
  smnUnsubscribeConfirmation,
} from './support/smn-messages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The huawei-cloudeye plugin against a local HTTPS host standing in for SMN and the Huawei Cloud
 * console: the server trusts the test CA and connects their names to the fake host
 * (OUTBOUND_CONNECT_TO), so the messages name real SMN URLs, on the plugin's own allowlist.
 * Messages are signed with the fake host's key, whose certificate it serves as SMN's.
 */
describe('SMN through the outbound client: certificates and subscription handshakes', () => {
  let t: TestApp;
  let host: FakeHttpsHost;
  let integration: CreatedIntegration;

  beforeAll(async () => {
    host = await FakeHttpsHost.start();
    host
      .on(SMN_CERT_PATH, answer(200, FAKE_HOST_CERTIFICATE_PEM))
      .on(SMN_CONFIRM_PATH, answer(200, '{"request_id":"1","subscription_urn":"urn:smn:x"}'))
      .on('/smn/SMN_elsewhere.pem', answer(200, FAKE_HOST_CERTIFICATE_PEM));
    t = await startTestApp({
      env: {
        OUTBOUND_CA_FILE: TEST_CA_FILE,
        // Any fake-source.test name leads to the host too, so that a request made there is seen.
        OUTBOUND_CONNECT_TO: [SMN_HOST, SMN_CONSOLE_HOST, '*.fake-source.test']
          .map((name) => `${name}:443:127.0.0.1:${host.port}`)
          .join(','),
      },
    });
    integration = await createPrivateIntegration(t, await createChannel(t), 'huawei-cloudeye');
  });
  afterAll(async () => {
    await t.close();
    await host.close();
  });

  /** Pushed as SMN sends it: JSON, with its message type header. */
  function pushSmn(
    message: Record<string, string>,
    to = integration,
    contentType = 'application/json',
  ) {
    return pushRaw(t, to, JSON.stringify(message), contentType).set(
      'X-SMN-MESSAGE-TYPE',
      message.type ?? '',
    );
  }

  async function logged(response: { headers: Record<string, string> }, to = integration) {
    return pushLogEntry(t, to.id, response.headers['x-request-id'] ?? '');
  }

  async function eventsOf(alarmName: string, of = integration) {
    const response = await t.admin
      .get('/api/v1/events')
      .query({ integrationId: of.id, 'label.alarm_name': alarmName });
    return response.body.data as Array<Record<string, unknown>>;
  }

  it('confirms a subscription once, and answers its replay without fetching again', async () => {
    const confirmation = smnSubscriptionConfirmation();
    const before = host.requestsFor(SMN_CONFIRM_PATH).length;
    const first = await pushSmn(confirmation);
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({
      events: 0,
      stored: 0,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    });
    const confirmUrl = new URL(confirmation.subscribe_url ?? '');
    expect(host.requestsFor(SMN_CONFIRM_PATH).slice(before)).toEqual([
      { method: 'GET', url: `${SMN_CONFIRM_PATH}${confirmUrl.search}`, host: SMN_CONSOLE_HOST },
    ]);
    expect(await logged(first)).toMatchObject({
      outcome: 'accepted',
      httpStatus: 200,
      counts: { events: 0 },
      note: `Confirmed SMN subscription to ${SMN_TOPIC}: GET ${SMN_CONSOLE_HOST} answered 200`,
    });

    const replayed = await pushSmn(confirmation);
    expect(replayed.status).toBe(200);
    expect(host.requestsFor(SMN_CONFIRM_PATH).length).toBe(before + 1);
    expect((await logged(replayed))?.note).toMatch(
      new RegExp(
        `^SMN subscription to ${SMN_TOPIC}: already confirmed at \\S+ \\(message ${confirmation.message_id}\\); not fetched again$`,
      ),
    );
  });

  it('stores signed alarms, as JSON and as text, fetching the certificate once', async () => {
    const firing = await pushSmn(cesAlarmNotification('cpu-high', 'alarm'));
    const recovered = await pushSmn(
      cesAlarmNotification('cpu-high', 'ok'),
      integration,
      'text/plain; charset=UTF-8',
    );
    expect([firing.status, recovered.status]).toEqual([200, 200]);
    expect(await eventsOf('cpu-high')).toEqual([
      expect.objectContaining({ status: 'resolved', title: 'cpu-high: web-1' }),
      expect.objectContaining({ status: 'firing', severity: 'Critical', title: 'cpu-high: web-1' }),
    ]);
    // The confirmation above fetched it already, for its signature.
    expect(host.requestsFor(SMN_CERT_PATH)).toHaveLength(1);
  });

  it('refuses a forged signature with 401, the reason in the push log only', async () => {
    const forged = { ...cesAlarmNotification('forged', 'alarm'), subject: 'changed after signing' };
    const response = await pushSmn(forged);
    expect(response.status).toBe(401);
    expect(response.body.error).toEqual({
      code: 'SignatureInvalid',
      message: 'the request could not be verified as coming from the source',
    });
    expect(await logged(response)).toMatchObject({
      outcome: 'refused',
      errorCode: 'SignatureInvalid',
      errorMessage: 'the signature does not match the message: forged, or changed on the way',
    });
    expect(await eventsOf('forged')).toEqual([]);
  });

  it('refuses a certificate URL off the allowlist with 401, and fetches nothing', async () => {
    const before = host.requests.length;
    const certUrl = 'https://smn.fake-source.test/smn/SMN_elsewhere.pem';
    const response = await pushSmn(cesAlarmNotification('elsewhere', 'alarm', { certUrl }));
    expect(response.status).toBe(401);
    expect((await logged(response))?.errorMessage).toBe(
      `signing_cert_url ${certUrl} is not on a host this plugin may contact`,
    );
    expect(host.requests.length).toBe(before);
    expect(await eventsOf('elsewhere')).toEqual([]);
  });

  it('refuses, with 401, a signed message of a topic the integration does not accept', async () => {
    const picky = await createPrivateIntegration(t, await createChannel(t), 'huawei-cloudeye', {
      allowedTopicUrns: 'urn:smn:sa-brazil-1:bd4140f92d7941cdb34be53d74e37ac5:ops',
    });
    const response = await pushSmn(cesAlarmNotification('foreign', 'alarm'), picky);
    expect(response.status).toBe(401);
    expect((await logged(response, picky))?.errorMessage).toBe(
      `topic ${SMN_TOPIC} is not in this integration's allowedTopicUrns`,
    );
    expect(await eventsOf('foreign', picky)).toEqual([]);
  });

  it('notes an unsubscribe notice in the push log, stores nothing and fetches no subscribe_url', async () => {
    const before = host.requestsFor(SMN_CONFIRM_PATH).length;
    const response = await pushSmn(smnUnsubscribeConfirmation());
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      events: 0,
      stored: 0,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    });
    expect((await logged(response))?.note).toBe(
      `SMN unsubscribed this URL from ${SMN_TOPIC}: no alarm of that topic arrives until it is subscribed again`,
    );
    expect(host.requestsFor(SMN_CONFIRM_PATH).length).toBe(before);
  });
});
