import { describe, expect, it } from '@jest/globals';
import type { Integration } from './integration.entity.js';
import { IntegrationKeyCache } from './integration-key-cache.js';

function integration(id: string): Integration {
  return { id } as Integration;
}

describe('IntegrationKeyCache', () => {
  it('serves an entry until it expires', () => {
    let now = 1_000;
    const cache = new IntegrationKeyCache({ maxEntries: 10, ttlMs: 5_000, now: () => now });
    cache.set('hash-a', integration('a'));
    now += 4_999;
    expect(cache.get('hash-a')?.id).toBe('a');
    now += 1;
    expect(cache.get('hash-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entry when full', () => {
    const cache = new IntegrationKeyCache({ maxEntries: 2, ttlMs: 5_000 });
    cache.set('hash-a', integration('a'));
    cache.set('hash-b', integration('b'));
    cache.set('hash-c', integration('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('hash-a')).toBeUndefined();
    expect(cache.get('hash-b')?.id).toBe('b');
    expect(cache.get('hash-c')?.id).toBe('c');
  });

  it('forgets an entry at once', () => {
    const cache = new IntegrationKeyCache({ maxEntries: 10, ttlMs: 5_000 });
    cache.set('hash-a', integration('a'));
    cache.forget('hash-a');
    expect(cache.get('hash-a')).toBeUndefined();
  });

  it('does not keep a row read while the integration was being changed', () => {
    const cache = new IntegrationKeyCache({ maxEntries: 10, ttlMs: 5_000 });
    const readStarted = cache.generation;
    cache.forget('hash-a');
    cache.set('hash-a', integration('stale'), readStarted);
    expect(cache.get('hash-a')).toBeUndefined();
  });
});
