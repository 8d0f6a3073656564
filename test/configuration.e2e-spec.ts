import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfigService } from '../apps/server/src/config/app-config.js';
import { ManagedProcess } from './support/managed-process.js';
import { SERVER_MAIN, ServerProcess } from './support/server-process.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('configuration inside the app', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { EVENT_RETENTION_DAYS: '7' } });
  });
  afterAll(() => t.close());

  it('is the ConfigService of @nestjs/config, holding the validated settings', () => {
    const config: AppConfigService = t.app.get(ConfigService);
    expect(config.get('port', { infer: true })).toBe(3000);
    expect(config.get('requestTimeoutMs', { infer: true })).toBe(20_000);
    expect(config.get('core.eventRetentionDays', { infer: true })).toBe(7);
    expect(config.get('core.publicUrl', { infer: true })).toBe('http://alert-hub.test');
    expect(config.get('core', { infer: true })).toEqual(t.config.core);
  });

  it('serves nothing the schema did not check, not even the raw process environment', () => {
    const config = t.app.get<ConfigService<Record<string, unknown>>>(ConfigService);
    expect(process.env.PATH).toBeDefined();
    expect(config.get('PATH')).toBeUndefined();
    expect(config.get('EVENT_RETENTION_DAYS')).toBeUndefined();
  });
});

describe('the built server with a .env file in its working directory', () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  let refused: ManagedProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all([server?.stop(), refused?.stop()]);
    server = undefined;
    refused = undefined;
  });
  afterAll(() => database.drop(), 30_000);

  it('takes the settings the environment leaves out from .env', async () => {
    const metricsToken = randomBytes(16).toString('hex');
    // PORT=1 would fail to listen: the server answering proves the environment's PORT won.
    writeFileSync(join(database.dataDir, '.env'), `METRICS_TOKEN=${metricsToken}\nPORT=1\n`);
    server = await ServerProcess.start({ database, adminToken: randomBytes(24).toString('hex') });
    expect((await server.http.get('/metrics')).status).toBe(401);
    const authorized = await server.http.get('/metrics').auth(metricsToken, { type: 'bearer' });
    expect(authorized.status).toBe(200);
  }, 90_000);

  it('refuses to start on a bad value in .env, naming the variable as for the environment', async () => {
    writeFileSync(join(database.dataDir, '.env'), 'EVENT_RETENTION_DAYS=week\n');
    refused = new ManagedProcess('alert-hub with a bad .env', process.execPath, [SERVER_MAIN], {
      cwd: database.dataDir,
      env: { PATH: process.env.PATH, DATA_DIR: database.dataDir, DATABASE_URL: database.url },
    });
    const exit = await refused.waitForExit(60_000);
    expect(exit.code).toBe(1);
    expect(refused.output()).toContain('invalid configuration:');
    expect(refused.output()).toContain('EVENT_RETENTION_DAYS must be a whole number of days');
  }, 90_000);
});
