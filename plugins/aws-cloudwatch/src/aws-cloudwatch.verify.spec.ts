import { describe, expect, it } from '@jest/globals';
import { OutboundRequestFailed, type PluginSettingValues } from '@alert-hub/plugin-sdk';
import { signingCertificatesDouble, testSigner } from '@alert-hub/plugin-sdk/testing';
import { AwsCloudwatchPlugin } from './aws-cloudwatch.plugin.js';
import { verifySnsMessage } from './aws-cloudwatch.verify.js';
import { readSnsMessage } from './sns-message.js';
import { snsSignedText } from './sns-signature.js';

const CERT_URL = 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-test.pem';
const TOPIC = 'arn:aws:sns:us-west-2:123456789012:ops-alarms';
const { outboundHosts } = new AwsCloudwatchPlugin();
const signer = testSigner();

const NOTIFICATION = {
  Type: 'Notification',
  MessageId: 'b0f5a6f1-1111-5222-8333-944455566677',
  TopicArn: TOPIC,
  Subject: 'ALARM: "cpu" in US West (Oregon)',
  Message: '{"AlarmName":"cpu","NewStateValue":"ALARM"}',
  Timestamp: '2026-01-10T09:00:12.400Z',
  SigningCertURL: CERT_URL,
};

const CONFIRMATION = {
  Type: 'SubscriptionConfirmation',
  MessageId: 'c0f5a6f1-1111-5222-8333-944455566677',
  Token: 'token-1',
  TopicArn: TOPIC,
  Message: 'You have chosen to subscribe to the topic.',
  SubscribeURL: 'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=token-1',
  Timestamp: '2026-01-10T09:00:12.400Z',
  SigningCertURL: CERT_URL,
};

/** The document signed by the SDK's test signer, as SNS signs with its version's digest. */
function signed(document: Record<string, string>, version: '1' | '2' = '2') {
  const unsigned = { ...document, SignatureVersion: version };
  const text = snsSignedText(readSnsMessage(unsigned));
  return { ...unsigned, Signature: signer.sign(version === '1' ? 'sha1' : 'sha256', text) };
}

function verify(
  document: unknown,
  settings: PluginSettingValues = { verifySignatures: true },
  headers: Record<string, string> = {},
) {
  const certificates = signingCertificatesDouble({ [CERT_URL]: signer.certificate }, outboundHosts);
  const rawBody = Buffer.from(typeof document === 'string' ? document : JSON.stringify(document));
  const result = verifySnsMessage({
    rawBody,
    headers,
    settings,
    receivedAt: new Date('2026-01-10T09:00:13Z'),
    certificates,
  });
  return { result, certificates };
}

describe('verifySnsMessage', () => {
  it('accepts a notification signed with SignatureVersion 1 (SHA1) and 2 (SHA256)', async () => {
    await expect(verify(signed(NOTIFICATION, '1')).result).resolves.toEqual({ verified: true });
    await expect(verify(signed(NOTIFICATION, '2')).result).resolves.toEqual({ verified: true });
  });

  it('signs a notification without a Subject over the fields it has', async () => {
    const { Subject: _subject, ...withoutSubject } = NOTIFICATION;
    await expect(verify(signed(withoutSubject)).result).resolves.toEqual({ verified: true });
  });

  it('accepts a confirmation signed over its own fields, in their order', async () => {
    const { result, certificates } = verify(signed(CONFIRMATION, '1'));
    await expect(result).resolves.toEqual({ verified: true });
    expect(certificates.fetched).toEqual([CERT_URL]);
  });

  it('refuses a message changed after signing, saying so', async () => {
    const forged = { ...signed(NOTIFICATION), Message: '{"AlarmName":"cpu","NewStateValue":"OK"}' };
    await expect(verify(forged).result).resolves.toEqual({
      verified: false,
      reason:
        'the Signature (SignatureVersion 2) does not match the message: changed, or not signed with the certificate at SigningCertURL',
    });
  });

  it('refuses a signature made with the digest of the other version', async () => {
    const otherDigest = { ...signed(NOTIFICATION, '1'), SignatureVersion: '2' };
    await expect(verify(otherDigest).result).resolves.toMatchObject({ verified: false });
  });

  it('refuses a SignatureVersion it does not know, and a message without signature', async () => {
    await expect(
      verify({ ...signed(NOTIFICATION), SignatureVersion: '3' }).result,
    ).resolves.toEqual({
      verified: false,
      reason: 'SignatureVersion "3" is not one Alert Hub checks (1 or 2)',
    });
    const { Signature: _signature, ...unsigned } = signed(NOTIFICATION);
    await expect(verify(unsigned).result).resolves.toEqual({
      verified: false,
      reason: 'the message has no Signature or no SigningCertURL',
    });
  });

  it('refuses a certificate URL off the SNS hosts, which the core never fetches', async () => {
    const elsewhere = 'https://attacker.example.com/SimpleNotificationService-test.pem';
    const { result, certificates } = verify(signed({ ...NOTIFICATION, SigningCertURL: elsewhere }));
    await expect(result).resolves.toEqual({
      verified: false,
      reason: `SigningCertURL ${elsewhere} is not an HTTPS URL on an SNS host`,
    });
    expect(certificates.fetched).toEqual([elsewhere]);
  });

  it('lets a certificate host that cannot be reached reject: the core answers 502', async () => {
    const unreachable = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-gone.pem';
    await expect(
      verify(signed({ ...NOTIFICATION, SigningCertURL: unreachable })).result,
    ).rejects.toBeInstanceOf(OutboundRequestFailed);
  });

  it('refuses a message whose type header disagrees with its Type', async () => {
    const headers = { 'x-amz-sns-message-type': 'SubscriptionConfirmation' };
    await expect(verify(signed(NOTIFICATION), undefined, headers).result).resolves.toEqual({
      verified: false,
      reason:
        'x-amz-sns-message-type is "SubscriptionConfirmation" but the message\'s Type is "Notification"',
    });
    const agreeing = { 'x-amz-sns-message-type': 'Notification' };
    await expect(verify(signed(NOTIFICATION), undefined, agreeing).result).resolves.toEqual({
      verified: true,
    });
  });

  it('refuses a topic the integration does not accept, signature checked or not', async () => {
    const settings = { verifySignatures: false, topicArns: 'arn:aws:sns:us-west-2:1:a, arn:b' };
    await expect(verify(NOTIFICATION, settings).result).resolves.toEqual({
      verified: false,
      reason: `TopicArn ${TOPIC} is not one this integration accepts`,
    });
    const accepting = { verifySignatures: false, topicArns: `arn:other ${TOPIC}` };
    await expect(verify(NOTIFICATION, accepting).result).resolves.toEqual({ verified: true });
  });

  it('checks no signature when the integration turned it off', async () => {
    const { result, certificates } = verify(NOTIFICATION, { verifySignatures: false });
    await expect(result).resolves.toEqual({ verified: true });
    expect(certificates.fetched).toEqual([]);
  });

  it('refuses what is no SNS message, unless nothing is checked (parse then says why)', async () => {
    await expect(verify('not json').result).resolves.toEqual({
      verified: false,
      reason: 'not an SNS message: the body is not JSON',
    });
    await expect(verify({ Type: 'Notification' }).result).resolves.toEqual({
      verified: false,
      reason: 'not an SNS message: $.MessageId: is required (a string)',
    });
    await expect(verify('not json', { verifySignatures: false }).result).resolves.toEqual({
      verified: true,
    });
  });
});
