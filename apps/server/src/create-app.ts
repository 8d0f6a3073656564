import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel as NestLogLevel, Type } from '@nestjs/common';
import { configureHttpApp, httpAdapterOptions } from '@alert-hub/core';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import type { LogLevel } from './config/environment.js';
import { ENABLED_PLUGIN_MODULES } from './plugins.js';

const NEST_LOG_LEVELS: Record<LogLevel, NestLogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Builds the whole app, ready to listen: used by main.ts and by the end-to-end tests. */
export async function createApp(
  config: AppConfig,
  pluginModules: Type[] = ENABLED_PLUGIN_MODULES,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, pluginModules),
    new FastifyAdapter(httpAdapterOptions(config.maxBodyBytes)),
    { logger: NEST_LOG_LEVELS[config.logLevel], abortOnError: false },
  );
  configureHttpApp(app);
  // SIGTERM closes the server (in-flight requests finish), then the database, then exits 0.
  app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}
