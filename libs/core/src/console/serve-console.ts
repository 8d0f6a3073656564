import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, RouteOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markPublic } from '../http/route-access.js';
import { markPage } from '../http/security-headers.js';

/** Where the console lives: one prefix, so that no page of it can shadow an API route. */
export const CONSOLE_PATH = '/console';

/** Hashed file names: a changed file is a new URL, so a browser may keep each one for good. */
const ASSETS_FOLDER = 'assets';

function isConsoleRoute(url: string): boolean {
  return url === CONSOLE_PATH || url.startsWith(`${CONSOLE_PATH}/`);
}

/**
 * Serves the console built into `folder` (its `index.html` and `assets/`) under `/console`:
 * the assets with a year's cache (their names change with their content), compressed when the
 * build wrote `.br`/`.gz` copies; every other path under `/console` gets `index.html`, never
 * cached, for the console's own router to show. `/` leads to it. The pages are open (the data
 * behind them is not: the admin API asks for a session); they get the console's CSP.
 * Call before the app is initialized.
 */
export function serveConsole(app: NestFastifyApplication, folder: string): void {
  const indexHtml = readFileSync(join(folder, 'index.html'));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== '/' && !isConsoleRoute(route.url)) return;
    markPublic(route);
    markPage(route, 'console');
  });
  void fastify.register(fastifyStatic, {
    root: join(folder, ASSETS_FOLDER),
    prefix: `${CONSOLE_PATH}/${ASSETS_FOLDER}/`,
    decorateReply: false,
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
    index: false,
    // The same URL answers br, gzip or plain bytes: a shared cache must keep them apart.
    setHeaders: (response) => {
      response.setHeader('vary', 'accept-encoding');
    },
  });
  const sendIndex = (_request: unknown, reply: FastifyReply) => {
    void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  };
  fastify.get(CONSOLE_PATH, sendIndex);
  fastify.get(`${CONSOLE_PATH}/*`, sendIndex);
  fastify.get('/', (_request, reply) => {
    void reply.redirect(`${CONSOLE_PATH}/`, 302);
  });
}
