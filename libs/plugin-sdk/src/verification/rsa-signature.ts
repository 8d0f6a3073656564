import { createVerify, type X509Certificate } from 'node:crypto';

/** The digests RSA message signatures use: SNS SignatureVersion 1 is SHA1, 2 is SHA256. */
export type RsaSignatureDigest = 'sha1' | 'sha256';

/**
 * The "key, line break, value, line break" text AWS SNS and Huawei SMN sign, from the pairs in
 * the order given; a pair whose value is undefined is left out (an absent `Subject`).
 */
export function keyValueLines(pairs: readonly (readonly [string, string | undefined])[]): string {
  let text = '';
  for (const [key, value] of pairs) if (value !== undefined) text += `${key}\n${value}\n`;
  return text;
}

/**
 * Whether `signature` (base64) is the RSA signature of `signed` by the certificate's key. A
 * signature that is not base64, or a certificate whose key is not RSA, is simply not a match.
 */
export function rsaSignatureMatches(
  certificate: X509Certificate,
  digest: RsaSignatureDigest,
  signed: string,
  signature: string,
): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') return false;
  const verifier = createVerify(digest === 'sha1' ? 'RSA-SHA1' : 'RSA-SHA256');
  verifier.update(signed, 'utf8');
  return verifier.verify(certificate.publicKey, signature, 'base64');
}
