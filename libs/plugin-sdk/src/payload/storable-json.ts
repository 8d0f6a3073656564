import { PayloadError } from '../payload-error.js';
import { childPath } from './json-path.js';

/**
 * How deeply a JSON value may nest: objects and arrays inside one another. An Alertmanager body
 * nests 4 levels. Storing a value recurses once per level (JSON.stringify, PostgreSQL's jsonb
 * parser), so 10 000 nested arrays would exhaust a stack if they were not refused.
 */
export const JSON_DEPTH_LIMIT = 32;

/**
 * U+0000 and unpaired UTF-16 surrogates: JSON can carry them (`"\u0000"`, `"\ud800"`) and SQLite
 * stores them, but PostgreSQL refuses both in text and in jsonb.
 */
const UNSTORABLE = /[\0\p{Cs}]/u;
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE.source, 'gu');

/**
 * The text with what PostgreSQL cannot store replaced by U+FFFD, as invalid UTF-8 bytes already
 * are when a body is decoded. Applied on both databases, so they store the same text.
 */
export function storableText(text: string): string {
  return UNSTORABLE.test(text) ? text.replace(EVERY_UNSTORABLE, '\ufffd') : text;
}

type Key = string | number;

function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  // Not an assignment: a key named `__proto__` must stay a key, not replace the prototype.
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function rewrite(value: unknown, root: string, path: Key[]): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (path.length >= JSON_DEPTH_LIMIT) {
    throw new PayloadError(
      `nested deeper than ${JSON_DEPTH_LIMIT} levels of objects and arrays`,
      path.reduce<string>(childPath, root),
    );
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      value[index] = rewrite(value[index], root, path);
      path.pop();
    }
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    path.push(key);
    const item = rewrite(object[key], root, path);
    path.pop();
    const storableKey = storableText(key);
    if (storableKey !== key) delete object[key];
    if (storableKey !== key || item !== object[key]) setOwn(object, storableKey, item);
  }
  return object;
}

/**
 * A parsed JSON value made fit to store: refused with a `PayloadError` when it nests deeper than
 * {@link JSON_DEPTH_LIMIT} (the path starting at `root`), and with its text made storable
 * (`storableText`), keys included. Rewrites `value` in place: it must be a parse of one's own.
 * The core applies it to every request body and query string before a plugin sees them.
 */
export function storableJson(value: unknown, root = '$'): unknown {
  return rewrite(value, root, []);
}
