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
import { freePort } from './support/free-port.js';
import {
  SNS_CERT_PATH,
  SNS_HOST,
  SNS_TOPIC,
  alarmNotification,
  subscriptionConfirmation,
} from './support/sns-messages.js';
import { count } from './support/row-counts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** An SNS region whose host the tests make unreachable: nothing listens where it leads. */
const UNREACHABLE_SNS_HOST = 'sns.ap-south-1.amazonaws.com';

/**
 * The aws-cloudwatch plugin against a local HTTPS host standing in for SNS: the server trusts
 * the test CA and connects SNS's names to the fake host (OUTBOUND_CONNECT_TO), so the messages
 * name real SNS URLs, on the plugin's own allowlist. Messages are signed with the fake host's key,
 * whose certificate the fake host serves as SNS's.
 */
describe('SNS through the outbound client: certificates and subscription handshakes', () => {
  let t: TestApp;
  let host: FakeHttpsHost;
  let integration: CreatedIntegration;

  beforeAll(async () => {
    host = await FakeHttpsHost.start();
    host
      .on(SNS_CERT_PATH, answer(200, FAKE_HOST_CERTIFICATE_PEM))
      .on('/', answer(200, '<ConfirmSubscriptionResponse/>'))
      .on('/redirected.pem', answer(302, '', { location: 'https://other.fake-source.test/c.pem' }));
    const closedPort = await freePort();
    t = await startTestApp({
      env: {
        OUTBOUND_CA_FILE: TEST_CA_FILE,
        // The first rule that matches wins: one SNS region leads nowhere, the others to the host,
        // and so does any fake-source.test name, so that a request made there would be seen.
        OUTBOUND_CONNECT_TO: [
          `${UNREACHABLE_SNS_HOST}:443:127.0.0.1:${closedPort}`,
          `sns.*.amazonaws.com:443:127.0.0.1:${host.port}`,
          `*.fake-source.test:443:127.0.0.1:${host.port}`,
        ].join(','),
      },
    });
    integration = await createPrivateIntegration(t, await createChannel(t), 'aws-cloudwatch');
  });
  afterAll(async () => {
    await t.close();
    await host.close();
  });

  /** Pushed as SNS sends it: text/plain, with its message type header. */
  function pushSns(message: Record<string, string>, to = integration) {
    return pushRaw(t, to, JSON.stringify(message), 'text/plain; charset=UTF-8').set(
      'x-amz-sns-message-type',
      message.Type ?? '',
    );
  }

  async function logged(response: { headers: Record<string, string> }, to = integration) {
    return pushLogEntry(t, to.id, response.headers['x-request-id'] ?? '');
  }

  async function eventsOf(alarmName: string) {
    const response = await t.admin
      .get('/api/v1/events')
      .query({ integrationId: integration.id, 'label.alarm_name': alarmName });
    return response.body.data as Array<Record<string, unknown>>;
  }

  it('confirms a subscription once, and answers its replay without fetching again', async () => {
    const confirmation = subscriptionConfirmation(
      `https://${SNS_HOST}/?Action=ConfirmSubscription`,
    );
    const before = host.requestsFor('/').length;
    const first = await pushSns(confirmation);
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({
      events: 0,
      stored: 0,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    });
    const confirmUrl = new URL(confirmation.SubscribeURL ?? '');
    expect(host.requestsFor('/').slice(before)).toEqual([
      { method: 'GET', url: `/${confirmUrl.search}`, host: SNS_HOST },
    ]);
    expect(await logged(first)).toMatchObject({
      outcome: 'accepted',
      httpStatus: 200,
      counts: { events: 0 },
      note: `Confirmed SNS subscription to ${SNS_TOPIC}: GET ${SNS_HOST} answered 200`,
    });

    const replayed = await pushSns(confirmation);
    expect(replayed.status).toBe(200);
    expect(host.requestsFor('/').length).toBe(before + 1);
    expect((await logged(replayed))?.note).toMatch(
      new RegExp(
        `^SNS subscription to ${SNS_TOPIC}: already confirmed at \\S+ \\(message ${confirmation.MessageId}\\); not fetched again$`,
      ),
    );
  });

  it('fetches a confirmation URL once when the same message arrives twice at once', async () => {
    host.on('/concurrent', answer(200, '<ConfirmSubscriptionResponse/>'));
    const confirmation = subscriptionConfirmation(`https://${SNS_HOST}/concurrent`);
    const answers = await Promise.all([pushSns(confirmation), pushSns(confirmation)]);
    expect(answers.map((response) => response.status)).toEqual([200, 200]);
    expect(host.requestsFor('/concurrent')).toHaveLength(1);
  });

  it('stores notifications signed with SignatureVersion 1 and 2, fetching the certificate once', async () => {
    const v1 = await pushSns(alarmNotification('signed-v1', 'ALARM', { version: '1' }));
    const v2 = await pushSns(alarmNotification('signed-v2', 'ALARM', { version: '2' }));
    expect([v1.status, v2.status]).toEqual([200, 200]);
    expect(await eventsOf('signed-v1')).toEqual([
      expect.objectContaining({ status: 'firing', severity: 'Critical', title: 'signed-v1' }),
    ]);
    expect(await eventsOf('signed-v2')).toHaveLength(1);
    // The confirmation above fetched it already, for its signature.
    expect(host.requestsFor(SNS_CERT_PATH)).toHaveLength(1);
  });

  it('refuses a forged signature with 401, the reason in the push log only', async () => {
    const forged = { ...alarmNotification('forged', 'ALARM'), Subject: 'changed after signing' };
    const response = await pushSns(forged);
    expect(response.status).toBe(401);
    expect(response.body.error).toEqual({
      code: 'SignatureInvalid',
      message: 'the request could not be verified as coming from the source',
    });
    expect(await logged(response)).toMatchObject({
      outcome: 'refused',
      errorCode: 'SignatureInvalid',
      errorMessage:
        'the Signature (SignatureVersion 2) does not match the message: changed, or not signed with the certificate at SigningCertURL',
    });
    expect(await eventsOf('forged')).toEqual([]);
  });

  it('refuses a certificate URL off the allowlist with 401, and fetches nothing', async () => {
    const before = host.requests.length;
    const certUrl = 'https://certs.fake-source.test/SimpleNotificationService-fake-host.pem';
    const response = await pushSns(alarmNotification('elsewhere', 'ALARM', { certUrl }));
    expect(response.status).toBe(401);
    expect((await logged(response))?.errorMessage).toBe(
      `SigningCertURL ${certUrl} is not an HTTPS URL on an SNS host`,
    );
    expect(host.requests.length).toBe(before);
  });

  it('answers 502 when the certificate redirects to another host, which it does not follow', async () => {
    const certUrl = `https://${SNS_HOST}/redirected.pem`;
    const response = await pushSns(alarmNotification('redirected', 'ALARM', { certUrl }));
    expect(response.status).toBe(502);
    expect(response.body.error.code).toBe('UpstreamUnavailable');
    expect(await logged(response)).toMatchObject({
      outcome: 'failed',
      errorCode: 'UpstreamUnavailable',
      errorMessage: `fetching a signing certificate: ${certUrl}: redirected to another host (https://other.fake-source.test): not followed`,
    });
    expect(host.requestsFor('/redirected.pem')).toHaveLength(1);
    expect(host.requestsFor('/c.pem')).toEqual([]);
  });

  it('answers 502 when the certificate host cannot be reached, so SNS retries', async () => {
    const certUrl = `https://${UNREACHABLE_SNS_HOST}${SNS_CERT_PATH}`;
    const response = await pushSns(alarmNotification('unreachable', 'ALARM', { certUrl }));
    expect(response.status).toBe(502);
    expect((await logged(response))?.errorMessage).toBe(
      `fetching a signing certificate: ${certUrl}: the connection was refused`,
    );
    expect(await eventsOf('unreachable')).toEqual([]);
  });

  it('answers 502 while the confirmation URL fails, and confirms once it answers', async () => {
    host.on('/flaky', answer(503, 'try later'));
    const confirmation = subscriptionConfirmation(`https://${SNS_HOST}/flaky`);
    const failed = await pushSns(confirmation);
    expect(failed.status).toBe(502);
    expect((await logged(failed))?.errorMessage).toBe(
      `confirming SNS subscription to ${SNS_TOPIC}: ${confirmation.SubscribeURL}: answered 503`,
    );
    host.on('/flaky', answer(200, '<ConfirmSubscriptionResponse/>'));
    const retried = await pushSns(confirmation);
    expect(retried.status).toBe(200);
    expect(host.requestsFor('/flaky')).toHaveLength(2);
  });

  it('refuses a confirmation URL off the allowlist with 400, and fetches nothing', async () => {
    const before = host.requests.length;
    const confirmation = subscriptionConfirmation('https://confirm.fake-source.test/');
    const response = await pushSns(confirmation);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('HandshakeRefused');
    expect((await logged(response))?.errorMessage).toBe(
      `SNS subscription to ${SNS_TOPIC}: ${confirmation.SubscribeURL} is not an HTTPS URL on a host this plugin may contact`,
    );
    // The certificate was cached by then: nothing at all reached the fake host.
    expect(host.requests.length).toBe(before);
  });

  it('confirms for a shared integration that has no routes yet', async () => {
    const created = await t.admin
      .post('/api/v1/integrations')
      .send({ name: 'shared sns', pluginId: 'aws-cloudwatch', type: 'shared' });
    const shared = created.body.data as CreatedIntegration;
    const confirmation = subscriptionConfirmation(
      `https://${SNS_HOST}/?Action=ConfirmSubscription`,
    );
    const response = await pushSns(confirmation, shared);
    expect(response.status).toBe(200);
    expect((await logged(response, shared))?.note).toMatch(/^Confirmed SNS subscription/);
  });

  it("forgets an integration's confirmations when it is deleted", async () => {
    const doomed = await createPrivateIntegration(t, await createChannel(t), 'aws-cloudwatch');
    const confirmation = subscriptionConfirmation(
      `https://${SNS_HOST}/?Action=ConfirmSubscription`,
    );
    expect((await pushSns(confirmation, doomed)).status).toBe(200);
    expect(await count(t, 'subscription_confirmations', doomed.id)).toBe(1);
    expect((await t.admin.delete(`/api/v1/integrations/${doomed.id}`)).status).toBe(204);
    expect(await count(t, 'subscription_confirmations', doomed.id)).toBe(0);
  });
});
