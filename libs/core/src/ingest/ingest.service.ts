import { Injectable } from '@nestjs/common';
import { UnauthorizedError } from '../common/api-error.js';
import { EventStore } from '../events/event-store.service.js';
import type { PushSummary } from '../events/normalized-event.js';
import type { Integration } from '../integrations/integration.entity.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailableError } from '../plugins/unknown-plugin.error.js';
import { RoutingService } from '../routing/routing.service.js';
import { IntegrationDisabledError } from './integration-disabled.error.js';
import { normalizeEvent } from './normalize-event.js';
import { PluginMismatchError } from './plugin-mismatch.error.js';

export interface Push {
  body: unknown;
  headers: Record<string, string>;
  requestId: string;
  receivedAt: Date;
}

/** The push pipeline: key → integration → plugin.parse → severity → route → store. */
@Injectable()
export class IngestService {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly integrations: IntegrationsService,
    private readonly routing: RoutingService,
    private readonly store: EventStore,
  ) {}

  /** A push to `/webhooks/:pluginId`, authenticated by its integration key. */
  async receive(
    pluginId: string,
    integrationKey: string | undefined,
    push: Push,
  ): Promise<PushSummary> {
    this.plugins.get(pluginId);
    if (integrationKey === undefined || integrationKey === '') {
      throw new UnauthorizedError(
        'an integration key is required: ?integration_key=<key> or Authorization: Bearer <key>',
      );
    }
    const integration = await this.integrations.findByKey(integrationKey);
    if (!integration) throw new UnauthorizedError('the integration key is not valid');
    if (integration.pluginId !== pluginId)
      throw new PluginMismatchError(pluginId, integration.pluginId);
    return this.ingest(integration, push);
  }

  /** Runs a push for an integration already identified, such as the admin's test push. */
  async ingest(integration: Integration, push: Push): Promise<PushSummary> {
    if (!integration.enabled) throw new IntegrationDisabledError();
    if (!this.plugins.has(integration.pluginId))
      throw new PluginUnavailableError(integration.pluginId);
    const plugin = this.plugins.get(integration.pluginId);
    const parsed = plugin.parse(push.body, { receivedAt: push.receivedAt, headers: push.headers });
    const events = parsed.map((event) =>
      normalizeEvent(event, plugin.severityMap, push.receivedAt),
    );
    const channels = this.routing.route(integration, events);
    return this.store.store({
      integrationId: integration.id,
      pluginId: integration.pluginId,
      requestId: push.requestId,
      receivedAt: push.receivedAt,
      events: events.map((event, index) => ({ event, channelIds: channels[index] ?? [] })),
    });
  }
}
