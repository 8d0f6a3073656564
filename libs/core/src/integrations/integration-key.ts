import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits, URL-safe: fits in a query parameter without escaping. */
export function newIntegrationKey(): string {
  return randomBytes(24).toString('base64url');
}

export function integrationKeyHash(integrationKey: string): string {
  return createHash('sha256').update(integrationKey, 'utf8').digest('hex');
}
