import { createHash } from 'node:crypto';
import { stampUuid, uuidText } from '../common/uuid-text.js';

/** The log ids a notification id can carry: 48 bits, far more transitions than any log keeps. */
const MAX_LOG_ID = 2 ** 48 - 1;

/** Per subscription, the id's first ten bytes (its hash): one hash per subscription, not per id. */
const prefixes = new Map<string, Buffer>();
const PREFIXES_KEPT = 1024;

function prefixOf(subscriptionId: string): Buffer {
  let prefix = prefixes.get(subscriptionId);
  if (prefix === undefined) {
    prefix = stampUuid(createHash('sha256').update(subscriptionId).digest().subarray(0, 10), 8);
    if (prefixes.size >= PREFIXES_KEPT) prefixes.clear();
    prefixes.set(subscriptionId, prefix);
  }
  return prefix;
}

/**
 * The id of the notification of one log row (transition) to one subscription: a UUID of version
 * 8 (RFC 9562), the subscription's hash then the row's id. The same whichever process sends it
 * and however often (a process that died after sending and before recording it sends it again,
 * and the receiver drops it by id), and the log row can be found from it again (`logIdOf`): a
 * notification delivered on its first attempt keeps no row of its own, and a replay of it is
 * made from the log. Ids of one subscription sort by log id, so the notifications table grows at
 * one end of its index per subscription.
 */
export function notificationId(subscriptionId: string, logId: number): string {
  if (!Number.isSafeInteger(logId) || logId < 0 || logId > MAX_LOG_ID)
    throw new RangeError(`log id ${logId} does not fit a notification id`);
  const bytes = Buffer.alloc(16);
  prefixOf(subscriptionId).copy(bytes, 0);
  bytes.writeUIntBE(logId, 10, 6);
  return uuidText(bytes);
}

/** The log row a notification id of this subscription was made from; undefined if none. */
export function logIdOf(subscriptionId: string, id: string): number | undefined {
  const hex = id.replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  const bytes = Buffer.from(hex, 'hex');
  if (!bytes.subarray(0, 10).equals(prefixOf(subscriptionId))) return undefined;
  return bytes.readUIntBE(10, 6);
}
