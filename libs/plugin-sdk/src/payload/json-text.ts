import { PayloadError } from '../payload-error.js';
import { quote } from './describe-value.js';
import { readString } from './payload-reader.js';
import { storableJson } from './storable-json.js';

/**
 * JSON that a source sends as text inside its payload (AWS SNS's `Message`, a form field),
 * parsed with the guarantees the core gives a body: nested no deeper than `JSON_DEPTH_LIMIT`, no
 * text PostgreSQL cannot store. Errors name `path`; those inside the text continue from it
 * (`$.Message.Trigger`). `what` says what the text should hold, for the error message.
 */
export function readJsonText(value: unknown, path: string, what = 'JSON'): unknown {
  const text = readString(value, path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PayloadError(`expected ${what} as JSON text, got ${quote(text)}`, path);
  }
  return storableJson(parsed, path);
}
