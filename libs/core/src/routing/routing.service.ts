import { Injectable } from '@nestjs/common';
import type { NormalizedEvent } from '../events/normalized-event.js';
import type { RoutableEvent } from './route-condition.js';
import type { Integration } from '../integrations/integration.entity.js';
import { NoRouteError } from './no-route.error.js';
import {
  compileRouteSet,
  decideRoute,
  type CompiledRouteSet,
  type RouteDecision,
} from './route-decision.js';
import { EMPTY_ROUTE_SET, routesNowhere, type RouteSet } from './route-set.js';

/** Compiled rule sets kept: one per integration in use is plenty, and old versions fall out. */
const COMPILED_KEPT = 500;

export interface RoutePreview {
  /** Set when a push with these routes would be refused as a whole. */
  refusal: NoRouteError | null;
  decisions: RouteDecision[];
}

/** Decides which channels receive each event of a push. */
@Injectable()
export class RoutingService {
  /** Keyed by integration id and routes version: a change of the rules is a new key. */
  private readonly compiled = new Map<string, CompiledRouteSet>();

  /** The channel ids per event, in the order of `events`; an empty list means unrouted. */
  route(integration: Integration, events: readonly NormalizedEvent[]): string[][] {
    if (integration.type === 'private' && integration.channelId !== null) {
      const channelId = integration.channelId;
      return events.map(() => [channelId]);
    }
    const routes = integration.routes ?? EMPTY_ROUTE_SET;
    if (routesNowhere(routes)) throw new NoRouteError(integration.id);
    const compiled = this.compiledFor(integration, routes);
    return events.map((event) => decideRoute(compiled, event).channelIds);
  }

  /** What `route` would decide with `routes`, and why, per event; nothing is stored. */
  preview(integrationId: string, routes: RouteSet, events: readonly RoutableEvent[]): RoutePreview {
    const compiled = compileRouteSet(routes);
    return {
      refusal: routesNowhere(routes) ? new NoRouteError(integrationId) : null,
      decisions: events.map((event) => decideRoute(compiled, event)),
    };
  }

  private compiledFor(integration: Integration, routes: RouteSet): CompiledRouteSet {
    const key = `${integration.id}@${integration.routesVersion}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = compileRouteSet(routes);
      if (this.compiled.size >= COMPILED_KEPT) {
        const oldest = this.compiled.keys().next();
        if (!oldest.done) this.compiled.delete(oldest.value);
      }
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}
