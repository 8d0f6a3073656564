import { createHash } from 'node:crypto';
import { truncate } from './event-limits.js';

/** What a stored event's raw JSON may weigh unless configured (`MAX_EVENT_RAW_BYTES`). */
export const DEFAULT_MAX_EVENT_RAW_BYTES = 64 * 1024;

/** What is stored in place of a raw JSON too large to keep: enough to recognise and check it. */
export interface TruncatedRaw {
  truncated: true;
  /** The size of the raw JSON as received (UTF-8, without whitespace). */
  bytes: number;
  sha256: string;
  /** The raw JSON's beginning, as text. */
  prefix: string;
}

/** Room for the marker's fields other than its prefix: keys, a size and a hash (131 bytes). */
const MARKER_BYTES = 160;
/** JSON spends at most 6 bytes on one UTF-16 unit of a string (`\u001f`). */
const MAX_JSON_BYTES_PER_UNIT = 6;
/** UTF-8 spends at most 3 bytes on one UTF-16 unit. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * An event's raw JSON as stored: the text, or above `maxBytes` a marker of at most `maxBytes`.
 * The marker stands in for the text rather than refusing the push: the alert itself is stored
 * (its labels and annotations are cut apart), and a source that gets a 4xx drops the whole group.
 */
export function storedRawJson(raw: unknown, maxBytes: number): string {
  const text = JSON.stringify(raw ?? null);
  // Most raws are known to fit from their length alone, without counting their bytes.
  if (text.length * MAX_UTF8_BYTES_PER_UNIT <= maxBytes) return text;
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return text;
  const marker: TruncatedRaw = {
    truncated: true,
    bytes,
    sha256: createHash('sha256').update(text).digest('hex'),
    prefix: truncate(text, Math.floor((maxBytes - MARKER_BYTES) / MAX_JSON_BYTES_PER_UNIT)),
  };
  return JSON.stringify(marker);
}
