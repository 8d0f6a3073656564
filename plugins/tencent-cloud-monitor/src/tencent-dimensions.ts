import { childPath, readObject, readStringMap } from '@alert-hub/plugin-sdk';

function dimensionEntries(value: unknown, path: string, prefix: string): [string, string][] {
  return Object.entries(readObject(value, path)).flatMap(([name, item]): [string, string][] => {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      return dimensionEntries(item, childPath(path, name), `${prefix}${name}.`);
    }
    return Object.entries(readStringMap({ [name]: item }, path))
      .filter(([, text]) => text.trim() !== '')
      .map(([, text]) => [`${prefix}${name}`, text]);
  });
}

/**
 * `alarmObjInfo.dimensions`, the alarmed resource, as labels. They differ by product; an event
 * alarm nests details in an object (`objDetail.deviceLanIp`), whose names are joined with a dot.
 */
export function readDimensions(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  return Object.fromEntries(dimensionEntries(value, path, ''));
}
