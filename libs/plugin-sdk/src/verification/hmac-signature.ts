import { createHmac, timingSafeEqual } from 'node:crypto';

/** What is signed, in parts (`timestamp`, `:`, body), so no part is copied to join them. */
export type SignedParts = readonly (Buffer | string)[];

function hmacSha256(secret: string, parts: SignedParts): Buffer {
  const hmac = createHmac('sha256', secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

/** HMAC-SHA256 of the parts, as lowercase hex: how most webhook senders sign. */
export function hmacSha256Hex(secret: string, parts: SignedParts): string {
  return hmacSha256(secret, parts).toString('hex');
}

/**
 * Whether `signature` (hex, any case) is the HMAC-SHA256 of the parts. Compared in constant
 * time over equal-length digests: a signature of another length or not hex is simply wrong.
 */
export function hmacSha256HexMatches(
  secret: string,
  parts: SignedParts,
  signature: string,
): boolean {
  const expected = hmacSha256(secret, parts);
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
