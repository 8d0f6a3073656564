import { PayloadError, readJsonText, readObjectList, readStringMap } from '@alert-hub/plugin-sdk';

/**
 * `{userId=12****, instanceId=i-12****}`: CloudMonitor's callbacks write the dimensions in Java's
 * map notation, not JSON. Values hold no `,` or `=` in any capture seen.
 */
function readMapNotation(text: string, path: string): Record<string, string> {
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  const entries: [string, string][] = [];
  for (const pair of inner.split(',')) {
    if (pair.trim() === '') continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new PayloadError(
        `expected dimensions as {name=value, …}, got ${JSON.stringify(text)}`,
        path,
      );
    }
    entries.push([pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()]);
  }
  return Object.fromEntries(entries);
}

/** The objects of the JSON form (`[{"instanceId":"i-1"}]`), merged into one map. */
function mergeObjects(value: unknown, path: string): Record<string, string> {
  return Object.fromEntries(
    readObjectList(value, path).flatMap(({ object, path: itemPath }) =>
      Object.entries(readStringMap(object, itemPath)),
    ),
  );
}

/**
 * The resource an alert is about, as names and values, whatever form it came in: map notation
 * (real callbacks), JSON array text (the old documentation) or, in a JSON body, the array itself.
 * Sorted by name, so the same resource gives the same alert key in every form.
 */
export function readDimensions(value: unknown, path: string): Record<string, string> {
  let dimensions: Record<string, string>;
  if (value === undefined || value === null || value === '') {
    dimensions = {};
  } else if (typeof value !== 'string') {
    dimensions = mergeObjects(value, path);
  } else if (value.trim().startsWith('[')) {
    dimensions = mergeObjects(readJsonText(value, path, 'dimensions as a JSON array'), path);
  } else {
    dimensions = readMapNotation(value, path);
  }
  return Object.fromEntries(
    Object.entries(dimensions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
