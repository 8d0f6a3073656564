import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 256 ids at a time: one call into the generator, not one per id. */
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;

/**
 * A UUID of version 7 (RFC 9562): the Unix time in milliseconds, then random bits. Ids made
 * close in time sort close together, so a table keyed by them grows at one end of its primary
 * key's index. Keyed by random (version 4) ids, every insert and every lookup of recent rows
 * touched a page of its own anywhere in the index: more pages written per commit, and on
 * PostgreSQL a full page image in the WAL for most of them after each checkpoint.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = Buffer.from(pool.subarray(16 * next, 16 * (next + 1)));
  next += 1;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
