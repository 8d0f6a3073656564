import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ADMIN_TOKEN_FILE = 'admin-token';

export interface AdminToken {
  token: string;
  /** Set when this start generated the token: it must be shown once, now. */
  generatedAt?: string;
}

/**
 * The admin token: `ADMIN_TOKEN` if set, else the one generated at the first start and kept in
 * the data directory, readable by the owner only.
 */
export function resolveAdminToken(
  fromEnvironment: string | undefined,
  dataDir: string,
): AdminToken {
  if (fromEnvironment !== undefined && fromEnvironment !== '') return { token: fromEnvironment };
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim() };
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, generatedAt: file };
}
