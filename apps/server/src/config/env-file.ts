import { getDefaultParser } from '@nestjs/config';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './config-error.js';

export const DEFAULT_ENV_FILE = '.env';

export interface MergedEnvironment {
  /** The variables the configuration schema reads: the env file's, overridden by the process's. */
  variables: Record<string, string | undefined>;
  /** The env file that was read, if any. */
  envFile?: string;
}

/**
 * The process environment over the env file: `ENV_FILE` if set (it must exist), else `.env` in
 * the working directory if there is one. Nothing is validated here and nothing is written back
 * to the process environment: `loadConfig` checks the result, as it checks any environment.
 */
export function readEnvironment(
  processEnv: Record<string, string | undefined>,
  cwd: string,
): MergedEnvironment {
  const named = processEnv.ENV_FILE;
  const envFile = resolve(cwd, named || DEFAULT_ENV_FILE);
  if (!existsSync(envFile)) {
    if (named) throw new ConfigError(`ENV_FILE names ${envFile}, which does not exist`);
    return { variables: processEnv };
  }
  // The parser @nestjs/config's ConfigModule uses (dotenv), so `.env` means what Nest users expect.
  const fromFile = getDefaultParser()(readFileSync(envFile));
  const fromProcess = Object.entries(processEnv).filter(
    ([, value]) => value !== undefined && value !== '',
  );
  return { variables: { ...fromFile, ...Object.fromEntries(fromProcess) }, envFile };
}
