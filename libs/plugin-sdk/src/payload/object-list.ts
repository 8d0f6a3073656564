import { childPath } from './json-path.js';
import { readObject, type JsonObject } from './payload-reader.js';

/** An object read from a payload, with the JSON path it was found at. */
export interface ObjectAt {
  object: JsonObject;
  path: string;
}

/**
 * One object or an array of objects, as a list: sources send a single item bare and several in an
 * array under the same or a similar name. Missing and `null` are an empty list.
 */
export function readObjectList(value: unknown, path: string): ObjectAt[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [{ object: readObject(value, path), path }];
  return value.map((item, index) => {
    const itemPath = childPath(path, index);
    return { object: readObject(item, itemPath), path: itemPath };
  });
}
