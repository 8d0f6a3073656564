import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RsaSignatureDigest } from '../verification/rsa-signature.js';

const SIGNER_DIR = join(import.meta.dirname, '../verification/fixtures');

/**
 * The certificate of the SDK's test signer (`verification/fixtures/README.md`): serve it with
 * `signingCertificatesDouble` to verify what `signAsTestSigner` signed. For tests only.
 */
export const TEST_SIGNER_CERTIFICATE_PEM = readFileSync(
  join(SIGNER_DIR, 'test-signer.crt'),
  'utf8',
);

const TEST_SIGNER_KEY_PEM = readFileSync(join(SIGNER_DIR, 'test-signer.key'), 'utf8');

/** The base64 RSA signature of `text` (UTF-8) by the test signer's key, as SNS and SMN sign. */
export function signAsTestSigner(digest: RsaSignatureDigest, text: string): string {
  return createSign(digest === 'sha1' ? 'RSA-SHA1' : 'RSA-SHA256')
    .update(text, 'utf8')
    .sign(TEST_SIGNER_KEY_PEM, 'base64');
}
