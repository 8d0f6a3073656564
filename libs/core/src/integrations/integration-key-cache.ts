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

/**
 * Integrations by key hash, so a push does not cost a database lookup before its real work.
 * Bounded and short-lived (DESIGN.md §9): this process forgets an entry as soon as it changes the
 * integration; a change made by another process is seen once the entry expires. Unknown keys
 * are not kept, so random keys cannot fill it.
 */
export class IntegrationKeyCache {
  private readonly entries = new Map<string, Entry>();
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
   * Counts `forget` calls. A lookup notes it before reading the database and passes it to `set`:
   * a read that overlapped a change may have seen the old row and must not be cached.
   */
  get generation(): number {
    return this.forgotten;
  }

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
