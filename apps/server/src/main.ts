import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { CONSOLE_PATH } from '@alert-hub/core';
import { loadConfig } from './config/app-config.js';
import { ConfigError } from './config/config-error.js';
import { readEnvironment } from './config/env-file.js';
import { createApp } from './create-app.js';
import { boundHeapGrowth } from './heap-growth.js';

async function main(): Promise<void> {
  boundHeapGrowth();
  const environment = readEnvironment(process.env, process.cwd());
  const config = loadConfig(environment.variables);
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const logger = new Logger('AlertHub');
  logger.log(`listening on ${await app.getUrl()}; push URLs start with ${config.core.publicUrl}`);
  logger.log(`database: ${config.core.database.type}`);
  if (config.consoleFolder === undefined) {
    logger.warn('the console is not built: `npm run build` builds it');
  } else {
    logger.log(`console at ${await app.getUrl()}${CONSOLE_PATH}/`);
  }
  if (environment.envFile) logger.log(`settings read from ${environment.envFile} too`);
  if (config.generatedAdminTokenFile) {
    logger.log(`generated an admin token, saved in ${config.generatedAdminTokenFile} (mode 600)`);
    // Shown once to a person at a terminal, never in the logs: those are collected and kept.
    if (process.stdout.isTTY) process.stdout.write(`\nadmin token: ${config.core.adminToken}\n\n`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Alert Hub could not start:', error);
  }
  process.exit(1);
});
