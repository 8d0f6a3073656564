import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config.js';
import { ConfigError } from './config-error.js';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alert-hub-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('loadConfig', () => {
  it('starts with defaults: SQLite in the data directory, port 3000', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir, ADMIN_TOKEN: 'a-long-enough-token' });
    expect(config.port).toBe(3000);
    expect(config.maxBodyBytes).toBe(5 * 1024 * 1024);
    expect(config.core.database).toEqual({ type: 'sqlite', path: join(dir, 'alert-hub.sqlite') });
    expect(config.core.publicUrl).toBe('http://localhost:3000');
    expect(config.core.eventRetentionDays).toBe(30);
    expect(config.core.autoResolveSweepMs).toBe(60_000);
    expect(config.core.heartbeatSweepMs).toBe(30_000);
  });

  it('keeps events a whole number of days, at least one', () => {
    const env = { DATA_DIR: dataDir(), ADMIN_TOKEN: 'a-long-enough-token' };
    expect(loadConfig({ ...env, EVENT_RETENTION_DAYS: '7' }).core.eventRetentionDays).toBe(7);
    for (const days of ['0', '-1', '1.5', 'week', '36501']) {
      expect(() => loadConfig({ ...env, EVENT_RETENTION_DAYS: days })).toThrow(
        /EVENT_RETENTION_DAYS must be/,
      );
    }
  });

  it('sweeps auto-resolving alerts every whole number of milliseconds, from a second to a day', () => {
    const env = { DATA_DIR: dataDir(), ADMIN_TOKEN: 'a-long-enough-token' };
    const sweep = (ms: string) =>
      loadConfig({ ...env, AUTO_RESOLVE_SWEEP_MS: ms }).core.autoResolveSweepMs;
    expect(sweep('15000')).toBe(15_000);
    for (const ms of ['999', '1500.5', 'often', '86400001']) {
      expect(() => sweep(ms)).toThrow(/AUTO_RESOLVE_SWEEP_MS must be/);
    }
  });

  it('sweeps heartbeats every whole number of milliseconds, from a second to a day', () => {
    const env = { DATA_DIR: dataDir(), ADMIN_TOKEN: 'a-long-enough-token' };
    const sweep = (ms: string) =>
      loadConfig({ ...env, HEARTBEAT_SWEEP_MS: ms }).core.heartbeatSweepMs;
    expect(sweep('1000')).toBe(1_000);
    for (const ms of ['999', '1500.5', 'often', '86400001']) {
      expect(() => sweep(ms)).toThrow(/HEARTBEAT_SWEEP_MS must be/);
    }
  });

  it('names every variable it cannot use', () => {
    const attempt = () =>
      loadConfig({
        DATA_DIR: dataDir(),
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT must be a whole number/);
    expect(attempt).toThrow(/DATABASE_URL must be/);
    expect(attempt).toThrow(/LOG_LEVEL must be one of/);
  });

  it('reads PostgreSQL and SQLite URLs', () => {
    const dir = dataDir();
    const env = { DATA_DIR: dir, ADMIN_TOKEN: 'a-long-enough-token' };
    expect(loadConfig({ ...env, DATABASE_URL: 'postgres://u@db:5432/hub' }).core.database).toEqual({
      type: 'postgres',
      url: 'postgres://u@db:5432/hub',
    });
    expect(
      loadConfig({ ...env, DATABASE_URL: 'sqlite:///var/lib/hub.sqlite' }).core.database,
    ).toEqual({
      type: 'sqlite',
      path: '/var/lib/hub.sqlite',
    });
  });

  it('sizes the PostgreSQL pool and bounds how long a query may go unanswered', () => {
    const env = {
      DATA_DIR: dataDir(),
      ADMIN_TOKEN: 'a-long-enough-token',
      DATABASE_URL: 'postgres://u@db:5432/hub',
    };
    expect(
      loadConfig({ ...env, DATABASE_POOL_SIZE: '40', PUSH_QUERY_TIMEOUT_MS: '5000' }).core.database,
    ).toEqual({ type: 'postgres', url: env.DATABASE_URL, poolSize: 40, pushQueryTimeoutMs: 5000 });
    for (const size of ['0', '1001', 'many']) {
      expect(() => loadConfig({ ...env, DATABASE_POOL_SIZE: size })).toThrow(
        /DATABASE_POOL_SIZE must be/,
      );
    }
    for (const timeout of ['99', '3600001', '1.5']) {
      expect(() => loadConfig({ ...env, PUSH_QUERY_TIMEOUT_MS: timeout })).toThrow(
        /PUSH_QUERY_TIMEOUT_MS must be/,
      );
    }
  });

  it('bounds how long a request may take to arrive, 20 s unless told otherwise', () => {
    const env = { DATA_DIR: dataDir(), ADMIN_TOKEN: 'a-long-enough-token' };
    expect(loadConfig(env).requestTimeoutMs).toBe(20_000);
    expect(loadConfig({ ...env, REQUEST_TIMEOUT_MS: '5000' }).requestTimeoutMs).toBe(5000);
    for (const timeout of ['999', '3600001', 'soon']) {
      expect(() => loadConfig({ ...env, REQUEST_TIMEOUT_MS: timeout })).toThrow(
        /REQUEST_TIMEOUT_MS must be/,
      );
    }
  });

  it('generates the admin token once, in a file only its owner can read', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.generatedAdminTokenFile).toBe(join(dir, 'admin-token'));
    expect(statSync(join(dir, 'admin-token')).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.generatedAdminTokenFile).toBeUndefined();
    expect(second.core.adminToken).toBe(first.core.adminToken);
  });

  it('creates the data directory for its owner only', () => {
    const dir = join(dataDir(), 'var', 'alert-hub');
    loadConfig({ DATA_DIR: dir, ADMIN_TOKEN: 'a-long-enough-token' });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, '..')).mode & 0o777).toBe(0o700);
  });

  it('drops a trailing slash from PUBLIC_URL', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      ADMIN_TOKEN: 'a-long-enough-token',
      PUBLIC_URL: 'https://alerts.example.com/',
    });
    expect(config.core.publicUrl).toBe('https://alerts.example.com');
  });
});
