import { isAbsolute, resolve } from 'node:path';
import type { DatabaseOptions } from '@alert-hub/core';

export const DEFAULT_SQLITE_FILE = 'alert-hub.sqlite';

/**
 * `sqlite:///abs/file.sqlite` (three slashes: absolute), `sqlite://rel/file.sqlite` (relative to
 * the working directory), `postgres://…`; nothing means a SQLite file in the data directory.
 */
export function databaseFromUrl(
  databaseUrl: string | undefined,
  dataDir: string,
  postgres: { poolSize?: number; pushQueryTimeoutMs?: number } = {},
): DatabaseOptions {
  if (databaseUrl === undefined || databaseUrl === '') {
    return { type: 'sqlite', path: resolve(dataDir, DEFAULT_SQLITE_FILE) };
  }
  if (databaseUrl.startsWith('sqlite://')) {
    const path = databaseUrl.slice('sqlite://'.length);
    return { type: 'sqlite', path: isAbsolute(path) ? path : resolve(path) };
  }
  return { type: 'postgres', url: databaseUrl, ...postgres };
}
