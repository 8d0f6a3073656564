import type { ConfigService } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CoreOptions } from '@alert-hub/core';
import { builtConsoleFolder } from '../console-folder.js';
import { resolveAdminToken } from './admin-token.js';
import { ConfigError } from './config-error.js';
import { databaseFromUrl } from './database-url.js';
import { Environment, type LogLevel } from './environment.js';
import { notificationOptions } from './notification-config.js';
import { outboundOptions } from './outbound-config.js';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  logLevel: LogLevel;
  /** The built console to serve under /console; undefined when it was not built. */
  consoleFolder: string | undefined;
  core: CoreOptions;
  /** The file the admin token was just written to, when this start generated it. */
  generatedAdminTokenFile?: string;
}

/**
 * How the app's providers read the configuration: `ConfigService` of @nestjs/config, holding the
 * checked `AppConfig` only (`config.get('core.publicUrl', { infer: true })`).
 */
export type AppConfigService = ConfigService<AppConfig, true>;

/** Reads and checks the environment; throws `ConfigError` naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const environment = plainToInstance(Environment, given, { excludeExtraneousValues: false });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }

  const dataDir = resolve(environment.DATA_DIR);
  // It holds the database and the admin token: for the owner only, like the files in it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const adminToken = resolveAdminToken(environment.ADMIN_TOKEN, dataDir);
  const publicUrl = (environment.PUBLIC_URL ?? `http://localhost:${environment.PORT}`).replace(
    /\/+$/,
    '',
  );
  return {
    port: environment.PORT,
    host: environment.HOST,
    dataDir,
    maxBodyBytes: environment.MAX_BODY_BYTES,
    requestTimeoutMs: environment.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: environment.HEADERS_TIMEOUT_MS,
    keepAliveTimeoutMs: environment.KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: environment.MAX_CONNECTIONS,
    logLevel: environment.LOG_LEVEL,
    consoleFolder: builtConsoleFolder(),
    core: {
      database: databaseFromUrl(environment.DATABASE_URL, dataDir, {
        poolSize: environment.DATABASE_POOL_SIZE,
        pushQueryTimeoutMs: environment.PUSH_QUERY_TIMEOUT_MS,
      }),
      publicUrl,
      adminToken: adminToken.token,
      metricsToken: environment.METRICS_TOKEN,
      eventRetentionDays: environment.EVENT_RETENTION_DAYS,
      autoResolveSweepMs: environment.AUTO_RESOLVE_SWEEP_MS,
      heartbeatSweepMs: environment.HEARTBEAT_SWEEP_MS,
      maxEventRawBytes: environment.MAX_EVENT_RAW_BYTES,
      outbound: outboundOptions(environment),
      notifications: notificationOptions(environment),
    },
    generatedAdminTokenFile: adminToken.generatedAt,
  };
}
