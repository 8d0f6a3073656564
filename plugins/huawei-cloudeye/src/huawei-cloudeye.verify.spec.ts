import { describe, expect, it } from '@jest/globals';
import { createSign, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginSettingValues, SigningCertificates } from '@alert-hub/plugin-sdk';
import { signingCertificatesDouble, testSigner } from '@alert-hub/plugin-sdk/testing';
import { HUAWEI_CLOUDEYE_OUTBOUND_HOSTS } from './huawei-cloudeye.hosts.js';
import { verifySmnMessage } from './huawei-cloudeye.verify.js';
import { readSmnMessage, smnSignedText } from './smn-message.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const signer = testSigner();
/** The message-signing certificate Huawei publishes (README.md, Fixtures). */
const huaweiCertificate = new X509Certificate(
  readFileSync(join(FIXTURES, 'certificates/huawei-smn-message-signing.crt')),
);

type Envelope = Record<string, unknown>;

function fixture(name: string): Envelope {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Envelope;
}

const CERT_URL = 'https://smn.sa-brazil-1.myhuaweicloud.com/smn/SMN_sa-brazil-1_test.pem';

/** A real notification, re-signed by the test signer, whose certificate is at CERT_URL. */
function signed(
  envelope: Envelope = fixture('notification-alarm-sa-brazil-1.json'),
  sign: (text: string) => string = (text) => signer.sign('sha256', text),
): Envelope {
  const withUrl = { ...envelope, signing_cert_url: CERT_URL };
  return { ...withUrl, signature: sign(smnSignedText(readSmnMessage(withUrl))) };
}

/** The core's certificate fetching, on the plugin's own outbound hosts. */
function certificatesAt(byUrl: Readonly<Record<string, X509Certificate>>) {
  return signingCertificatesDouble(byUrl, HUAWEI_CLOUDEYE_OUTBOUND_HOSTS);
}

interface Options {
  headers?: Record<string, string>;
  settings?: PluginSettingValues;
  certificates?: SigningCertificates;
}

/** Runs `verify` on the envelope as sent; `fetched` lists the certificate URLs it asked for. */
async function verify(body: Envelope | string, options: Options = {}) {
  const double = certificatesAt({ [CERT_URL]: signer.certificate });
  const certificates = options.certificates ?? double;
  const result = await verifySmnMessage({
    rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    headers: options.headers ?? {},
    settings: options.settings ?? { verifySignatures: true },
    receivedAt: new Date('2026-01-01T00:00:00Z'),
    certificates,
  });
  return { result, fetched: double.fetched };
}

function failure(reason: string) {
  return { verified: false, reason };
}

describe('verifySmnMessage with real SMN messages', () => {
  it.each(['notification-data-form-cn-north-4.json', 'subscription-confirmation-cn-north-4.json'])(
    'accepts %s, signed SHA256withRSA by the certificate Huawei publishes',
    async (name) => {
      const envelope = fixture(name);
      const certificates = certificatesAt({
        [envelope.signing_cert_url as string]: huaweiCertificate,
      });
      const { result } = await verify(envelope, { certificates });
      expect(result).toEqual({ verified: true });
      expect(certificates.fetched).toEqual([envelope.signing_cert_url]);
    },
  );
});

describe('verifySmnMessage', () => {
  it('accepts a notification signed over message, message_id, subject, timestamp, topic_urn, type', async () => {
    const { result, fetched } = await verify(signed());
    expect(result).toEqual({ verified: true });
    expect(fetched).toEqual([CERT_URL]);
  });

  it('accepts a notification with an empty subject, which SMN leaves out of what it signs', async () => {
    const { result } = await verify(
      signed({ ...fixture('notification-alarm-sa-brazil-1.json'), subject: '' }),
    );
    expect(result).toEqual({ verified: true });
  });

  it('accepts confirmations signed over their subscribe_url', async () => {
    for (const name of [
      'subscription-confirmation-sa-brazil-1.json',
      'unsubscribe-confirmation-doc-sample.json',
    ]) {
      expect((await verify(signed(fixture(name)))).result).toEqual({ verified: true });
    }
  });

  it('accepts the message as text, as a text/plain push sends it', async () => {
    const { result } = await verify(JSON.stringify(signed()));
    expect(result).toEqual({ verified: true });
  });

  it('refuses a message changed after it was signed', async () => {
    const forged = { ...signed(), message: '{"alarm_id":"al1","alarm_status":"ok"}' };
    expect((await verify(forged)).result).toEqual(
      failure('the signature does not match the message: forged, or changed on the way'),
    );
  });

  it('refuses a signature by another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = signed(undefined, (text) =>
      createSign('RSA-SHA256').update(text, 'utf8').sign(other, 'base64'),
    );
    expect((await verify(forged)).result.verified).toBe(false);
  });

  it('refuses a signature made with SHA-1, which SMN does not use', async () => {
    const sha1 = signed(undefined, (text) => signer.sign('sha1', text));
    expect((await verify(sha1)).result.verified).toBe(false);
  });

  it('refuses a certificate on a host the core will not contact (off the allowlist)', async () => {
    const elsewhere = 'https://smn.attacker.example/smn/SMN_attacker.pem';
    const { result, fetched } = await verify({ ...signed(), signing_cert_url: elsewhere });
    expect(result).toEqual(
      failure(`signing_cert_url ${elsewhere} is not on a host this plugin may contact`),
    );
    expect(fetched).toEqual([elsewhere]);
  });

  it('refuses a certificate URL that is not an SMN one, without asking for it', async () => {
    for (const url of [
      'https://console.huaweicloud.com/smn/cert.pem',
      'http://smn.sa-brazil-1.myhuaweicloud.com/smn/cert.pem',
      'https://smn.sa-brazil-1.myhuaweicloud.com/uploads/cert.pem',
      'not a URL',
    ]) {
      const { result, fetched } = await verify({ ...signed(), signing_cert_url: url });
      expect(result).toEqual(failure(`signing_cert_url ${url} is not an SMN certificate URL`));
      expect(fetched).toEqual([]);
    }
  });

  it('lets a failed certificate download through to the core, which answers so that SMN retries', async () => {
    const nothingThere = certificatesAt({});
    await expect(verify(signed(), { certificates: nothingThere })).rejects.toThrow(
      `${CERT_URL}: no certificate at this URL`,
    );
  });

  it('refuses a message without signature or signing_cert_url, or of another signature version', async () => {
    const message = signed();
    const { signature: _signature, ...unsigned } = message;
    const { signing_cert_url: _url, ...noCertificate } = message;
    expect((await verify(unsigned)).result).toEqual(failure('the message has no signature'));
    expect((await verify(noCertificate)).result).toEqual(
      failure('the message has no signing_cert_url'),
    );
    expect((await verify({ ...message, signature_version: 'v2' })).result).toEqual(
      failure('signature_version v2 is not v1'),
    );
  });

  it('refuses a body that is no SMN message while it checks something', async () => {
    expect((await verify('not json')).result).toEqual(
      failure('not an SMN message: the body is not JSON'),
    );
    const { type: _type, ...untyped } = signed();
    expect((await verify(untyped)).result).toEqual(
      failure('not an SMN message: $.type: is required (a string)'),
    );
    const topics = { verifySignatures: false, allowedTopicUrns: 'urn:smn:x:y:z' };
    expect((await verify('not json', { settings: topics })).result.verified).toBe(false);
  });

  it('leaves a body that is no SMN message to parse when it checks nothing', async () => {
    const { result } = await verify('not json', { settings: { verifySignatures: false } });
    expect(result).toEqual({ verified: true });
  });

  it('refuses a message whose X-SMN-MESSAGE-TYPE header disagrees with its type', async () => {
    const headers = { 'x-smn-message-type': 'SubscriptionConfirmation' };
    expect((await verify(signed(), { headers })).result).toEqual(
      failure(
        "X-SMN-MESSAGE-TYPE says SubscriptionConfirmation but the message's type is Notification",
      ),
    );
    const agreeing = { 'x-smn-message-type': 'notification' };
    expect((await verify(signed(), { headers: agreeing })).result).toEqual({ verified: true });
  });

  describe('allowedTopicUrns', () => {
    const topic = 'urn:smn:sa-brazil-1:bd4140f92d7941cdb34be53d74e37ac5:alarm-testing';

    it('accepts a topic in the list', async () => {
      const settings = { verifySignatures: true, allowedTopicUrns: `urn:smn:x:y:z, ${topic}` };
      expect((await verify(signed(), { settings })).result).toEqual({ verified: true });
    });

    it('refuses another topic, signed or not', async () => {
      for (const verifySignatures of [true, false]) {
        const settings = { verifySignatures, allowedTopicUrns: 'urn:smn:x:y:z' };
        expect((await verify(signed(), { settings })).result).toEqual(
          failure(`topic ${topic} is not in this integration's allowedTopicUrns`),
        );
      }
    });
  });

  it('checks no signature when verifySignatures is off', async () => {
    const { signature: _signature, ...unsigned } = fixture('notification-alarm-sa-brazil-1.json');
    const { result, fetched } = await verify(unsigned, { settings: { verifySignatures: false } });
    expect(result).toEqual({ verified: true });
    expect(fetched).toEqual([]);
  });
});
