import { Injectable } from '@nestjs/common';
import { InvalidParameterError } from '../common/api-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { VersionedParts } from './versioned-parts.js';
import type { ReplaceRoutesDto } from './dto/replace-routes.dto.js';
import { parseRouteSet, type RouteSetInput } from '../routing/route-set-validation.js';
import { EMPTY_ROUTE_SET, routeChannelIds, type RouteSet } from '../routing/route-set.js';
import type { Integration } from './integration.entity.js';
import { IntegrationsService } from './integrations.service.js';
import type { RoutesView } from './routes.view.js';

/** Reads and replaces the routing rules of shared integrations. */
@Injectable()
export class IntegrationRoutesService {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly channels: ChannelsService,
    private readonly versioned: VersionedParts,
  ) {}

  async get(integrationId: string): Promise<RoutesView> {
    const integration = await this.sharedIntegration(integrationId);
    return { version: integration.routesVersion, ...(integration.routes ?? EMPTY_ROUTE_SET) };
  }

  /**
   * Replaces the rule set if nobody changed it since `dto.version`. The version check is part of
   * the UPDATE, so of two concurrent changes from one version exactly one wins.
   */
  async replace(integrationId: string, dto: ReplaceRoutesDto): Promise<RoutesView> {
    const integration = await this.sharedIntegration(integrationId);
    const routes = await this.validated(dto);
    const version = await this.versioned.replace(integration, 'routes', routes, dto.version);
    return { version, ...routes };
  }

  /** The rule set in its typed form once every check passed: operators, patterns, channels. */
  async validated(input: RouteSetInput): Promise<RouteSet> {
    const routes = parseRouteSet(input);
    await this.channels.assertExist(routeChannelIds(routes), 'routes');
    return routes;
  }

  /** Routes belong to shared integrations: a private one sends everything to its channel. */
  async sharedIntegration(integrationId: string): Promise<Integration> {
    const integration = await this.integrations.get(integrationId);
    if (integration.type !== 'shared') {
      throw new InvalidParameterError(
        `integration ${integrationId} is private: every event goes to its channel; routes apply to shared integrations`,
        ['routes apply to shared integrations only'],
      );
    }
    return integration;
  }
}
