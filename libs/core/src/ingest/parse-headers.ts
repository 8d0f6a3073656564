import type { IncomingHttpHeaders } from 'node:http';

/** Headers a plugin never needs and must never see: they carry credentials. */
const WITHHELD = new Set(['authorization', 'cookie', 'proxy-authorization']);

export function headersForPlugin(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || WITHHELD.has(name)) continue;
    result[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}
