import { randomFillSync } from 'node:crypto';
import { stampUuid, uuidText } from './uuid-text.js';

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
  return uuidText(stampUuid(bytes, 7));
}
