import { existsSync, writeFileSync } from 'node:fs';

/**
 * Creates the SQLite database file, empty and for its owner only (0600), unless it exists.
 * SQLite itself would create it 0644 less the umask, and gives its `-wal` and `-shm` files the
 * mode of the database file: every integration key would be readable by every local user. An
 * existing file keeps its mode (an operator may have chosen it) and may be read-only.
 */
export function createPrivateSqliteFile(path: string): void {
  if (path === ':memory:' || existsSync(path)) return;
  try {
    writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Created meanwhile by another process: its mode is that process's choice.
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
}
