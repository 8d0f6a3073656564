import { Injectable } from '@nestjs/common';
import { CompiledCache } from '../common/compiled-cache.js';
import type { NormalizedEvent } from '../events/normalized-event.js';
import type { ConditionSubject } from './route-condition.js';
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

/** What routing reads of an integration: a private one's channel, or a shared one's rules. */
export interface RoutedIntegration {
  readonly id: string;
  readonly type: 'private' | 'shared';
  readonly channelId: string | null;
  readonly routes: RouteSet | null;
  /** Grows with every change of `routes`: the compiled rules are kept per version. */
  readonly routesVersion: number;
}

export interface RoutePreview {
  /** Set when a push with these routes would be refused as a whole. */
  refusal: NoRouteError | null;
  decisions: RouteDecision[];
}

/** Decides which channels receive each event of a push. */
@Injectable()
export class RoutingService {
  /** Keyed by integration id and routes version: a change of the rules is a new key. */
  private readonly compiled = new CompiledCache<CompiledRouteSet>(COMPILED_KEPT);

  /** The channel ids per event, in the order of `events`; an empty list means unrouted. */
  route(integration: RoutedIntegration, events: readonly NormalizedEvent[]): string[][] {
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
  preview(
    integrationId: string,
    routes: RouteSet,
    events: readonly ConditionSubject[],
  ): RoutePreview {
    const compiled = compileRouteSet(routes);
    return {
      refusal: routesNowhere(routes) ? new NoRouteError(integrationId) : null,
      decisions: events.map((event) => decideRoute(compiled, event)),
    };
  }

  private compiledFor(integration: RoutedIntegration, routes: RouteSet): CompiledRouteSet {
    return this.compiled.get(integration.id, integration.routesVersion, () =>
      compileRouteSet(routes),
    );
  }
}
