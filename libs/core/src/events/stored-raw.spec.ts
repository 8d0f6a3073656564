import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { storedRawJson, type TruncatedRaw } from './stored-raw.js';

describe('storedRawJson', () => {
  it('keeps a raw JSON within the bound as its JSON text', () => {
    const raw = { labels: { alertname: 'X' }, note: 'é'.repeat(400) };
    expect(storedRawJson(raw, 1024)).toBe(JSON.stringify(raw));
  });

  it('counts bytes, not characters: 400 × é is 800 bytes of UTF-8', () => {
    const raw = 'é'.repeat(400);
    expect(storedRawJson(raw, 802)).toBe(JSON.stringify(raw));
    expect(JSON.parse(storedRawJson(raw, 801))).toMatchObject({ truncated: true, bytes: 802 });
  });

  it('stands a marker within the bound in for a larger one, even where every character escapes', () => {
    for (const filler of ['x', '\u0001', '"', '😀', '\u{10000}\u0002']) {
      const raw = { extra: filler.repeat(5_000) };
      const text = JSON.stringify(raw);
      const stored = storedRawJson(raw, 1024);
      expect(Buffer.byteLength(stored)).toBeLessThanOrEqual(1024);
      const marker = JSON.parse(stored) as TruncatedRaw;
      expect(marker).toEqual({
        truncated: true,
        bytes: Buffer.byteLength(text),
        sha256: createHash('sha256').update(text).digest('hex'),
        prefix: expect.any(String),
      });
      expect(marker.prefix.length).toBeGreaterThan(100);
      expect(text.startsWith(marker.prefix)).toBe(true);
      // No half of a surrogate pair at the cut: the prefix is valid Unicode.
      expect(Buffer.from(marker.prefix).toString()).toBe(marker.prefix);
    }
  });
});
