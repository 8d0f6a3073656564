import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import type { FastifyRequest, RouteOptions } from 'fastify';

/**
 * Who may call a route, decided from the route itself before its body is read: `admin` needs
 * the admin token, `public` nothing, `push` an integration key (checked by the push gate, which
 * also checks the body's media type against the plugin's). Every route is `admin` unless marked.
 */
export type RouteAccess = 'admin' | 'public' | 'push';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; absent: `admin`. */
    alertHubAccess?: Exclude<RouteAccess, 'admin'>;
  }
}

/**
 * Marks a controller method's access in its Fastify route config, merged with whatever config
 * the method already has: Nest hands that config to Fastify, and it comes back with each request.
 */
export function RouteAccessOf(access: Exclude<RouteAccess, 'admin'>): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...config, alertHubAccess: access },
      handler,
    );
  };
}

/** Marks a route that is not a controller's (the API docs) as open, as Fastify registers it. */
export function markPublic(route: RouteOptions): void {
  route.config = { ...route.config, alertHubAccess: 'public' };
}

/** The access of the route a request matched; undefined when it matched none (a 404). */
export function routeAccessOf(request: FastifyRequest): RouteAccess | undefined {
  if (request.is404) return undefined;
  return request.routeOptions.config.alertHubAccess ?? 'admin';
}
