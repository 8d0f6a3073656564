import { Injectable, Logger } from '@nestjs/common';
import { EventStore } from '../events/event-store.service.js';
import type { NormalizedEvent } from '../events/normalized-event.js';
import type { Integration } from '../integrations/integration.entity.js';
import { NoRouteError } from '../routing/no-route.error.js';
import { RoutingService } from '../routing/routing.service.js';

/**
 * Stores the events of an integration's heartbeat alert as its pushes are stored: routed by the
 * integration's own routing (a private one's channel; a shared one's rules and default channels),
 * folded into the alert of their key like any event.
 */
@Injectable()
export class HeartbeatAlerts {
  private readonly logger = new Logger('Heartbeat');

  constructor(
    private readonly routing: RoutingService,
    private readonly events: EventStore,
  ) {}

  async store(
    integration: Integration,
    event: NormalizedEvent,
    receivedAt: Date,
    requestId: string,
  ): Promise<void> {
    await this.events.storeGenerated({
      integrationId: integration.id,
      pluginId: integration.pluginId,
      requestId,
      receivedAt,
      autoResolveAfterSeconds: integration.autoResolveAfterSeconds,
      events: [{ event, channelIds: this.channelsOf(integration, event) }],
    });
  }

  /** A shared integration without routes refuses pushes; its heartbeat's alert is kept unrouted. */
  private channelsOf(integration: Integration, event: NormalizedEvent): string[] {
    try {
      return this.routing.route(integration, [event])[0] ?? [];
    } catch (error) {
      if (!(error instanceof NoRouteError)) throw error;
      this.logger.warn(
        `the heartbeat alert of integration ${integration.id} has no route: stored unrouted`,
      );
      return [];
    }
  }
}
