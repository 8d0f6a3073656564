import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config.js';
import { ConfigError } from './config-error.js';
import { readEnvironment } from './env-file.js';

const dirs: string[] = [];
/** A working directory of its own, with a data directory inside. */
function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alert-hub-env-file-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const TOKEN = 'a-long-enough-token';

describe('readEnvironment', () => {
  it('reads .env from the working directory', () => {
    const cwd = workDir();
    writeFileSync(join(cwd, '.env'), `PORT=4000\nADMIN_TOKEN=${TOKEN}\n# a comment\n`);
    const { variables, envFile } = readEnvironment({ DATA_DIR: join(cwd, 'data') }, cwd);
    expect(envFile).toBe(join(cwd, '.env'));
    const config = loadConfig(variables);
    expect(config.port).toBe(4000);
    expect(config.core.adminToken).toBe(TOKEN);
  });

  it('lets the environment win over .env, except where it is empty', () => {
    const cwd = workDir();
    writeFileSync(join(cwd, '.env'), `PORT=4000\nLOG_LEVEL=debug\nADMIN_TOKEN=${TOKEN}\n`);
    const { variables } = readEnvironment(
      { DATA_DIR: join(cwd, 'data'), PORT: '5000', LOG_LEVEL: '' },
      cwd,
    );
    const config = loadConfig(variables);
    expect(config.port).toBe(5000);
    expect(config.logLevel).toBe('debug');
  });

  it('starts without a .env file', () => {
    const cwd = workDir();
    const env = { DATA_DIR: join(cwd, 'data'), ADMIN_TOKEN: TOKEN };
    const { variables, envFile } = readEnvironment(env, cwd);
    expect(envFile).toBeUndefined();
    expect(variables).toEqual(env);
  });

  it('reads the file ENV_FILE names, relative to the working directory', () => {
    const cwd = workDir();
    mkdirSync(join(cwd, 'deploy'));
    writeFileSync(join(cwd, '.env'), 'PORT=4000\n');
    writeFileSync(join(cwd, 'deploy', 'hub.env'), 'PORT=4100\n');
    const { variables, envFile } = readEnvironment({ ENV_FILE: 'deploy/hub.env' }, cwd);
    expect(envFile).toBe(join(cwd, 'deploy', 'hub.env'));
    expect(variables.PORT).toBe('4100');
  });

  it('refuses an ENV_FILE that does not exist: a typo must not silently drop the settings', () => {
    const cwd = workDir();
    const attempt = () => readEnvironment({ ENV_FILE: 'prod.env' }, cwd);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(`ENV_FILE names ${join(cwd, 'prod.env')}, which does not exist`);
  });

  it('stops a start on a bad value in .env with the message the environment would get', () => {
    const cwd = workDir();
    writeFileSync(join(cwd, '.env'), 'PORT=eighty\nDATABASE_URL=mysql://x\n');
    const { variables } = readEnvironment({ DATA_DIR: join(cwd, 'data') }, cwd);
    const fromFile = (): unknown => loadConfig(variables);
    const fromEnvironment = (): unknown =>
      loadConfig({ DATA_DIR: join(cwd, 'data'), PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(fromFile).toThrow(ConfigError);
    expect(fromFile).toThrow(/PORT must be a whole number/);
    expect(messageOf(fromFile)).toBe(messageOf(fromEnvironment));
  });
});

function messageOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}
