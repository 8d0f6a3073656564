import { describe, expect, it } from '@jest/globals';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { testSigner } from '../testing/test-signer.js';
import { keyValueLines, rsaSignatureMatches } from './rsa-signature.js';

const { certificate, sign } = testSigner();

describe('keyValueLines', () => {
  it('writes each pair as key and value lines, in the order given, leaving out absent values', () => {
    expect(
      keyValueLines([
        ['Message', 'hello'],
        ['Subject', undefined],
        ['Type', 'Notification'],
      ]),
    ).toBe('Message\nhello\nType\nNotification\n');
  });
});

describe('rsaSignatureMatches', () => {
  const text = keyValueLines([['Message', 'hello']]);

  it('accepts a SHA1 and a SHA256 signature by the certificate key', () => {
    expect(rsaSignatureMatches(certificate, 'sha1', text, sign('sha1', text))).toBe(true);
    expect(rsaSignatureMatches(certificate, 'sha256', text, sign('sha256', text))).toBe(true);
  });

  it('refuses a signature over other text, with the other digest, or not in base64', () => {
    expect(rsaSignatureMatches(certificate, 'sha256', `${text}x`, sign('sha256', text))).toBe(
      false,
    );
    expect(rsaSignatureMatches(certificate, 'sha1', text, sign('sha256', text))).toBe(false);
    expect(rsaSignatureMatches(certificate, 'sha256', text, 'not base64!')).toBe(false);
  });

  it('refuses a signature by another key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = createSign('RSA-SHA256').update(text, 'utf8').sign(other, 'base64');
    expect(rsaSignatureMatches(certificate, 'sha256', text, forged)).toBe(false);
  });
});
