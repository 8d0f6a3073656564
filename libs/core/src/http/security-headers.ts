import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A page Alert Hub serves, whose routes get a policy of their own instead of the API's. */
export type PageKind = 'apiDocs' | 'console';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route serves a page or its files, which get that page's policy. */
    page?: PageKind;
  }
}

/** Frames, forms and `<base>` are used by nothing Alert Hub serves. */
const CLOSED_DIRECTIVES = {
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * Every answer: the API answers JSON, which a browser must never run or render as a page
 * (`nosniff`, a CSP that allows nothing), nor show in a frame. No HSTS: TLS ends in front of
 * Alert Hub, and whether a whole host is HTTPS-only is that proxy's decision.
 */
const API_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], ...CLOSED_DIRECTIVES },
  },
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
};

/**
 * Swagger UI's page: its scripts, styles and images are files it serves itself. It needs inline
 * styles (`<style>` blocks in the page, style attributes set by its scripts), images as `data:`
 * URIs (its icons) and requests to this origin ("Try it out"); no inline script.
 */
const DOCS_HEADERS: HelmetOptions = {
  ...API_HEADERS,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      ...CLOSED_DIRECTIVES,
    },
  },
};

/**
 * The console: every script, style sheet and font is a file of its own build, and it talks to
 * this origin only. No inline script or style (React sets styles through the DOM, which a CSP
 * does not restrict), no `data:` images, no frames.
 */
const CONSOLE_HEADERS: HelmetOptions = {
  ...API_HEADERS,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      ...CLOSED_DIRECTIVES,
    },
  },
};

/**
 * The headers helmet sets for `options`, computed once: helmet's policies do not depend on the
 * request, and running its middleware for each one cost about 30 µs, a tenth of a push.
 */
function headersOf(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/** Marks a route as serving a page, whose policy it then gets. */
export function markPage(route: RouteOptions, page: PageKind): void {
  route.config = { ...route.config, page };
}

/**
 * Security headers (helmet's) on every answer: the API docs under `/<docsPath>` with a CSP that
 * lets Swagger UI run, the routes marked as the console's with the console's. Call before the
 * routes are registered: the docs' routes are marked as they are added.
 */
export function registerSecurityHeaders(app: NestFastifyApplication, docsPath: string): void {
  const apiHeaders = headersOf(API_HEADERS);
  const pageHeaders: Record<PageKind, Record<string, string>> = {
    apiDocs: headersOf(DOCS_HEADERS),
    console: headersOf(CONSOLE_HEADERS),
  };
  const docsRoot = `/${docsPath}`;
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.url === docsRoot || route.url.startsWith(`${docsRoot}/`)) markPage(route, 'apiDocs');
  });
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const { page } = request.routeOptions.config;
    void reply.headers(page === undefined ? apiHeaders : pageHeaders[page]);
    done();
  });
}
