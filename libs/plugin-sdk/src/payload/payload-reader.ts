import { PayloadError } from '../payload-error.js';
import { describeValue } from './describe-value.js';
import { childPath } from './json-path.js';

/** A JSON object as received: its values are still unchecked. */
export type JsonObject = Record<string, unknown>;

function expected(what: string, value: unknown, path: string): PayloadError {
  const message =
    value === undefined ? `is required (${what})` : `expected ${what}, got ${describeValue(value)}`;
  return new PayloadError(message, path);
}

export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw expected('an object', value, path);
  }
  return value as JsonObject;
}

export function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw expected('an array', value, path);
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw expected('a string', value, path);
  return value;
}

/**
 * A string field that may be absent. Missing, `null` and `""` all read as undefined: Go's JSON
 * encoder writes `""` for a field that was never set (Volcengine sends `"generatorURL": ""`).
 */
export function readOptionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return readString(value, path);
}

/**
 * Labels or annotations. Senders built from templates sometimes emit numbers or booleans: those
 * are kept as text, and a `null` value counts as an absent one. A nested object or array is not a
 * label value, and guessing at a text for it would make alert keys unstable, so it is an error.
 */
export function readStringMap(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  const entries: [string, string][] = [];
  for (const [name, item] of Object.entries(readObject(value, path))) {
    if (item === undefined || item === null) continue;
    if (typeof item === 'number' || typeof item === 'boolean') {
      entries.push([name, String(item)]);
    } else {
      entries.push([name, readString(item, childPath(path, name))]);
    }
  }
  // fromEntries defines own properties, so a label named `__proto__` stays a label.
  return Object.fromEntries(entries);
}

const INTEGER_TEXT = /^[+-]?\d+$/;

/**
 * An integer code (a status, a level) sent as a number or as text: Zabbix webhook parameters are
 * always strings, while most JSON senders write numbers.
 */
export function readInteger(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) {
    const integer = Number(value.trim());
    if (Number.isSafeInteger(integer)) return integer;
  }
  throw expected('an integer', value, path);
}
