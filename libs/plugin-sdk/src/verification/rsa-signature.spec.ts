import { describe, expect, it } from '@jest/globals';
import { createSign, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyValueLines, rsaSignatureMatches } from './rsa-signature.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
// A self-signed test certificate and its key (fixtures/README.md says how they were made).
const certificate = new X509Certificate(readFileSync(join(FIXTURES, 'test-signer.crt')));
const privateKey = readFileSync(join(FIXTURES, 'test-signer.key'), 'utf8');

function sign(digest: 'RSA-SHA1' | 'RSA-SHA256', text: string): string {
  return createSign(digest).update(text, 'utf8').sign(privateKey, 'base64');
}

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
    expect(rsaSignatureMatches(certificate, 'sha1', text, sign('RSA-SHA1', text))).toBe(true);
    expect(rsaSignatureMatches(certificate, 'sha256', text, sign('RSA-SHA256', text))).toBe(true);
  });

  it('refuses a signature over other text, with the other digest, or not in base64', () => {
    expect(rsaSignatureMatches(certificate, 'sha256', `${text}x`, sign('RSA-SHA256', text))).toBe(
      false,
    );
    expect(rsaSignatureMatches(certificate, 'sha1', text, sign('RSA-SHA256', text))).toBe(false);
    expect(rsaSignatureMatches(certificate, 'sha256', text, 'not base64!')).toBe(false);
  });

  it('refuses a signature by another key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = createSign('RSA-SHA256').update(text, 'utf8').sign(other, 'base64');
    expect(rsaSignatureMatches(certificate, 'sha256', text, forged)).toBe(false);
  });
});
