import type { Integration } from './integration.entity.js';

export interface IntegrationKeyCacheOptions {
  /** Entries kept at most; the oldest goes first when full. */
  maxEntries: number;
  /** How long an entry is trusted: a change made by another server process shows after this. */
  ttlMs: number;
  now?: () => number;
}

/** Up to 10 000 keys for 5 seconds: the cost of a lookup once per key and second or so. */
export const INTEGRATION_KEY_CACHE_DEFAULTS: IntegrationKeyCacheOptions = {
  maxEntries: 10_000,
  ttlMs: 5_000,
};

interface Entry {
  integration: Integration;
  expiresAt: number;
}

interface Lookup {
  generation: number;
  read: Promise<Integration | null>;
}

/**
 * Integrations by key hash, so a push does not cost a database lookup before its real work.
 * Bounded and short-lived (DESIGN.md §9): this process forgets an entry as soon as it changes the
 * integration; a change made by another process is seen once the entry expires. Unknown keys
 * are not kept, so random keys cannot fill it.
 */
export class IntegrationKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly lookups = new Map<string, Lookup>();
  private readonly now: () => number;
  private forgotten = 0;

  constructor(private readonly options: IntegrationKeyCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get(keyHash: string): Integration | undefined {
    const entry = this.entries.get(keyHash);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(keyHash);
      return undefined;
    }
    return entry.integration;
  }

  /**
   * The integration of a key hash: cached, or read by `read` and cached. Pushes that miss the
   * same key at once share one read: when an entry expired under load, every push in flight
   * for that key asked the database together (a burst of identical queries every few seconds,
   * queued for the pool). A read that started before a `forget` is not shared with later pushes.
   */
  lookup(keyHash: string, read: () => Promise<Integration | null>): Promise<Integration | null> {
    const cached = this.get(keyHash);
    if (cached !== undefined) return Promise.resolve(cached);
    const generation = this.forgotten;
    const inFlight = this.lookups.get(keyHash);
    if (inFlight?.generation === generation) return inFlight.read;
    const lookup: Lookup = {
      generation,
      read: read()
        .then((integration) => {
          if (integration) this.set(keyHash, integration, generation);
          return integration;
        })
        .finally(() => {
          if (this.lookups.get(keyHash) === lookup) this.lookups.delete(keyHash);
        }),
    };
    this.lookups.set(keyHash, lookup);
    return lookup.read;
  }

  /**
   * Caches an integration read at `readAtGeneration` (the count of `forget` calls when the read
   * began): a read that overlapped a change may have seen the old row and is not kept.
   */
  set(keyHash: string, integration: Integration, readAtGeneration = this.forgotten): void {
    if (readAtGeneration !== this.forgotten) return;
    this.entries.delete(keyHash);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(keyHash, { integration, expiresAt: this.now() + this.options.ttlMs });
  }

  /** Forgets the integration with this key hash: the next push reads it from the database. */
  forget(keyHash: string): void {
    this.forgotten += 1;
    this.entries.delete(keyHash);
  }

  get size(): number {
    return this.entries.size;
  }
}
