import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { hmacSha256Hex, hmacSha256HexMatches } from './hmac-signature.js';

const BODY = Buffer.from('{"status":"firing"}');

describe('HMAC-SHA256 signatures', () => {
  it('signs the parts as one message', () => {
    const whole = createHmac('sha256', 'k').update('1700000000:{"status":"firing"}').digest('hex');
    expect(hmacSha256Hex('k', ['1700000000:', BODY])).toBe(whole);
  });

  it('accepts the signature in either case', () => {
    const signature = hmacSha256Hex('k', [BODY]);
    expect(hmacSha256HexMatches('k', [BODY], signature)).toBe(true);
    expect(hmacSha256HexMatches('k', [BODY], signature.toUpperCase())).toBe(true);
  });

  it.each([
    ['another secret', hmacSha256Hex('other', [BODY])],
    ['a cut signature', hmacSha256Hex('k', [BODY]).slice(0, 40)],
    ['text that is not hex', 'z'.repeat(64)],
    ['an empty signature', ''],
  ])('refuses %s', (_case, signature) => {
    expect(hmacSha256HexMatches('k', [BODY], signature)).toBe(false);
  });
});
