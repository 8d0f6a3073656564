import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The headers of this route, where they differ from every other's (read by the plugin). */
    helmet?: Omit<FastifyHelmetOptions, 'global'>;
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
const API_HEADERS: FastifyHelmetOptions = {
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
const DOCS_HEADERS: FastifyHelmetOptions = {
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
 * Security headers on every answer (`@fastify/helmet`), the API docs under `/<docsPath>` with a
 * CSP that lets Swagger UI run. Call before the routes are registered: the docs' routes get
 * their policy as they are added.
 */
export function registerSecurityHeaders(app: NestFastifyApplication, docsPath: string): void {
  const docsRoot = `/${docsPath}`;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route: RouteOptions) => {
      if (route.url === docsRoot || route.url.startsWith(`${docsRoot}/`)) {
        route.config = { ...route.config, helmet: DOCS_HEADERS };
      }
    });
  void app.register(fastifyHelmet, API_HEADERS);
}
