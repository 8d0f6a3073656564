import { createSign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RsaSignatureDigest } from '../verification/rsa-signature.js';

const SIGNER_FILES = join(import.meta.dirname, '../verification/fixtures');

/** An RSA key and its self-signed certificate, for tests of signature checks only. */
export interface TestSigner {
  readonly certificate: X509Certificate;
  /** The base64 RSA signature of `text` (UTF-8) by the key. */
  sign(digest: RsaSignatureDigest, text: string): string;
}

/**
 * The SDK's test signer (`verification/fixtures/README.md` says how it was made): tests of a
 * plugin's `verify` sign their messages with it and hand its certificate to `certificates.fetch`.
 */
export function testSigner(): TestSigner {
  const privateKey = readFileSync(join(SIGNER_FILES, 'test-signer.key'), 'utf8');
  return {
    certificate: new X509Certificate(readFileSync(join(SIGNER_FILES, 'test-signer.crt'))),
    sign: (digest, text) =>
      createSign(digest === 'sha1' ? 'RSA-SHA1' : 'RSA-SHA256')
        .update(text, 'utf8')
        .sign(privateKey, 'base64'),
  };
}
