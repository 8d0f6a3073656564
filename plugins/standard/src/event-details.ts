import { readObject } from '@alert-hub/plugin-sdk';

function detailText(value: unknown): string {
  if (typeof value === 'string') return value;
  // Numbers and booleans as JSON writes them; nested values as their JSON, so nothing is lost.
  return JSON.stringify(value);
}

/**
 * Free-form details of an event (PagerDuty's `custom_details`, Alert Hub's `details`) as
 * annotations: text as it is, anything else as its JSON; `null` values are left out. Undefined
 * when there are none.
 */
export function readDetails(value: unknown, path: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const entries = Object.entries(readObject(value, path))
    .filter(([, item]) => item !== null && item !== undefined)
    .map(([name, item]): [string, string] => [name, detailText(item)]);
  // fromEntries defines own properties, so a detail named `__proto__` stays a detail.
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
