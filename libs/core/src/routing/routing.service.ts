import { Injectable } from '@nestjs/common';
import type { NormalizedEvent } from '../events/normalized-event.js';
import type { Integration } from '../integrations/integration.entity.js';
import { NoRouteError } from './no-route.error.js';

/** Decides which channels receive each event of a push. */
@Injectable()
export class RoutingService {
  /** The channel ids per event, in the order of `events`; an empty list means unrouted. */
  route(integration: Integration, events: readonly NormalizedEvent[]): string[][] {
    if (integration.type === 'private' && integration.channelId !== null) {
      const channelId = integration.channelId;
      return events.map(() => [channelId]);
    }
    throw new NoRouteError(
      `shared integration ${integration.id} has no routing rules and no default channel`,
    );
  }
}
