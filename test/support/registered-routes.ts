import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';

/** A route as Fastify registered it, e.g. `{method: 'GET', url: '/api/v1/channels/:id'}`. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** The page the route serves (the API docs' or the console's), if it serves one. */
  page?: string;
}

/**
 * Records every route the app registers, one entry per method. Pass it as `beforeInit` to
 * `startTestApp`: routes are registered during `init()`, so the list is complete once it returns.
 */
export function recordRoutes(into: RegisteredRoute[]): (app: NestFastifyApplication) => void {
  return (app) => {
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRoute', (route: RouteOptions) => {
        for (const method of [route.method].flat()) {
          into.push({ method, url: route.url, page: route.config?.page });
        }
      });
  };
}
