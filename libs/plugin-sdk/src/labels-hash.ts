import { createHash } from 'node:crypto';

/** 128 bits: plenty to tell problems apart, short enough to read in a URL or a log line. */
const HASH_HEX_LENGTH = 32;

/**
 * A stable hash of a list of strings: sha256 over their JSON encoding, so `['ab', 'c']` and
 * `['a', 'bc']` never collide. Hex, the first 32 characters.
 */
export function stableHash(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, HASH_HEX_LENGTH);
}

/**
 * A stable hash of a label set, for sources that send no fingerprint: the same labels give the
 * same hash whatever order they came in. Names are sorted by code unit, not by locale, so the
 * hash is the same on every machine.
 */
export function labelsHash(labels: Readonly<Record<string, string>>): string {
  const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return stableHash(sorted.flat());
}
