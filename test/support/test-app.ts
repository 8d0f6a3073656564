import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../../apps/server/src/config/app-config.js';
import { createApp } from '../../apps/server/src/create-app.js';
import { ENABLED_PLUGIN_MODULES } from '../../apps/server/src/plugins.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  /** Requests without credentials. */
  http: request.Agent;
  /** Requests with the admin token. */
  admin: request.Agent;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  plugins?: Type[];
  /** Reuse a database (and its data directory), e.g. to restart on the same data. */
  database?: TestDatabase;
  /** Runs after the app is built and before its routes are registered. */
  beforeInit?: (app: NestFastifyApplication) => void;
}

/** The real app on a fresh database, served in-process for supertest. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const adminToken = randomBytes(24).toString('hex');
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    ADMIN_TOKEN: adminToken,
    PUBLIC_URL: 'http://alert-hub.test',
    LOG_LEVEL: 'fatal',
    ...options.env,
  });
  const app = await createApp(config, options.plugins ?? ENABLED_PLUGIN_MODULES);
  options.beforeInit?.(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  return {
    app,
    config,
    database,
    http: request.agent(server),
    admin: request.agent(server).auth(adminToken, { type: 'bearer' }),
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}
