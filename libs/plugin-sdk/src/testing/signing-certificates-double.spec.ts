import { describe, expect, it } from '@jest/globals';
import { OutboundHostNotAllowed, OutboundRequestFailed } from '../outbound/outbound-errors.js';
import { keyValueLines, rsaSignatureMatches } from '../verification/rsa-signature.js';
import { signingCertificatesDouble } from './signing-certificates-double.js';
import { testSigner } from './test-signer.js';

const CERT_URL = 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-test.pem';

describe('signingCertificatesDouble', () => {
  const signer = testSigner();
  const certificates = () =>
    signingCertificatesDouble({ [CERT_URL]: signer.certificate.toString() }, [
      'sns.*.amazonaws.com',
    ]);

  it('serves a certificate, given as PEM, that verifies what the test signer signed', async () => {
    const double = certificates();
    const text = keyValueLines([['Message', 'hello']]);
    const certificate = await double.fetch(CERT_URL);
    expect(rsaSignatureMatches(certificate, 'sha256', text, signer.sign('sha256', text))).toBe(
      true,
    );
    expect(double.fetched).toEqual([CERT_URL]);
  });

  it('refuses a URL off the allowlist, and fails one it has no certificate for', async () => {
    const double = certificates();
    await expect(double.fetch('https://evil.example.com/cert.pem')).rejects.toBeInstanceOf(
      OutboundHostNotAllowed,
    );
    await expect(
      double.fetch('https://sns.eu-west-1.amazonaws.com/other.pem'),
    ).rejects.toBeInstanceOf(OutboundRequestFailed);
    expect(double.fetched).toHaveLength(2);
  });
});
