import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidParameterError } from '../common/api-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { WriteQueue } from '../storage/index.js';
import { Integration } from '../integrations/integration.entity.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import type { ReplaceRoutesDto } from './dto/replace-routes.dto.js';
import { parseRouteSet, type RouteSetInput } from './route-set-validation.js';
import { EMPTY_ROUTE_SET, routeChannelIds, type RouteSet } from './route-set.js';
import type { RoutesView } from './routes.view.js';
import { VersionConflictError } from '../common/version-conflict.error.js';

/** Reads and replaces the routing rules of shared integrations. */
@Injectable()
export class RoutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationsService,
    private readonly channels: ChannelsService,
    private readonly writes: WriteQueue,
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
    const result = await this.writes.run(() =>
      this.dataSource
        .createQueryBuilder()
        .update(Integration)
        .set({ routes, routesVersion: () => 'routes_version + 1', updatedAt: new Date() })
        .where('id = :id', { id: integrationId })
        .andWhere('routes_version = :version', { version: dto.version })
        .execute(),
    );
    if (result.affected === 0) {
      const current = await this.integrations.get(integrationId);
      throw new VersionConflictError('routes', dto.version, current.routesVersion);
    }
    this.integrations.forgetCached(integration);
    return { version: dto.version + 1, ...routes };
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
