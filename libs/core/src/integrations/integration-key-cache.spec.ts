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

  it('shares one read among the pushes that miss a key at once, and keeps what it read', async () => {
    const cache = new IntegrationKeyCache({ maxEntries: 10, ttlMs: 5_000 });
    let reads = 0;
    let answer: (row: Integration | null) => void = () => undefined;
    const read = () => {
      reads += 1;
      return new Promise<Integration | null>((resolve) => (answer = resolve));
    };
    const waiting = [cache.lookup('hash-a', read), cache.lookup('hash-a', read)];
    answer(integration('a'));
    expect((await Promise.all(waiting)).map((found) => found?.id)).toEqual(['a', 'a']);
    expect(reads).toBe(1);
    expect((await cache.lookup('hash-a', read))?.id).toBe('a');
    expect(reads).toBe(1);
  });

  it('neither keeps nor shares a read that began before the integration was changed', async () => {
    const cache = new IntegrationKeyCache({ maxEntries: 10, ttlMs: 5_000 });
    const answers: ((row: Integration | null) => void)[] = [];
    const read = () => new Promise<Integration | null>((resolve) => answers.push(resolve));
    const before = cache.lookup('hash-a', read);
    cache.forget('hash-a');
    const after = cache.lookup('hash-a', read);
    expect(answers).toHaveLength(2);
    answers[0]?.(integration('stale'));
    answers[1]?.(integration('fresh'));
    expect([(await before)?.id, (await after)?.id]).toEqual(['stale', 'fresh']);
    expect(cache.get('hash-a')?.id).toBe('fresh');
  });

  it('does not keep an unknown key', async () => {
    const cache = new IntegrationKeyCache({ maxEntries: 10, ttlMs: 5_000 });
    expect(await cache.lookup('hash-x', () => Promise.resolve(null))).toBeNull();
    expect(cache.size).toBe(0);
  });
});
