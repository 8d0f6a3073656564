import { PayloadError, childPath } from '@alert-hub/plugin-sdk';
import { storableText } from '../common/storable-text.js';

/**
 * How deeply a request body may nest: objects and arrays inside one another. An Alertmanager body
 * nests 4 levels. Storing a body recurses once per level (JSON.stringify, PostgreSQL's jsonb
 * parser), so 10 000 nested arrays would exhaust a stack if they were not refused here.
 */
export const JSON_DEPTH_LIMIT = 32;

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

function rewrite(value: unknown, path: Key[]): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (path.length >= JSON_DEPTH_LIMIT) {
    throw new PayloadError(
      `nested deeper than ${JSON_DEPTH_LIMIT} levels of objects and arrays`,
      path.reduce<string>(childPath, '$'),
    );
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      value[index] = rewrite(value[index], path);
      path.pop();
    }
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    path.push(key);
    const item = rewrite(object[key], path);
    path.pop();
    const storableKey = storableText(key);
    if (storableKey !== key) delete object[key];
    if (storableKey !== key || item !== object[key]) setOwn(object, storableKey, item);
  }
  return object;
}

/**
 * A parsed body or query string as the API reads it: refused with a `PayloadError` (400) when it
 * nests deeper than {@link JSON_DEPTH_LIMIT}, and with its text made storable (`storableText`),
 * keys included. Rewrites `input` in place: it is the request's own parse.
 */
export function storableInput(input: unknown): unknown {
  return rewrite(input, []);
}
