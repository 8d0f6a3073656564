import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Type } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import {
  configureHttpApp,
  createLogger,
  httpAdapterOptions,
  serveConsole,
  setupApiDocs,
} from '@alert-hub/core';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { ENABLED_PLUGIN_MODULES } from './plugins.js';

export interface CreateAppOptions {
  /** Where log lines go instead of standard output (tests read them). */
  logDestination?: DestinationStream;
}

/** Builds the whole app, ready to listen: used by main.ts and by the end-to-end tests. */
export async function createApp(
  config: AppConfig,
  pluginModules: Type[] = ENABLED_PLUGIN_MODULES,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = await createLogger({
    level: config.logLevel,
    // JSON for machines; readable lines for a developer watching a terminal.
    pretty: process.stdout.isTTY && process.env.NODE_ENV !== 'production',
    destination: options.logDestination,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, pluginModules),
    new FastifyAdapter(httpAdapterOptions(config)),
    { logger, abortOnError: false },
  );
  configureHttpApp(app, config);
  setupApiDocs(app);
  if (config.consoleFolder !== undefined) serveConsole(app, config.consoleFolder);
  // SIGTERM closes the server (in-flight requests finish), then the database, then exits 0.
  app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}
