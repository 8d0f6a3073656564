import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { ChannelsService } from '../channels/channels.service.js';
import { routeChannelIds } from '../routing/route-set.js';
import { Integration } from './integration.entity.js';

/**
 * Keeps a channel that integrations send to from being deleted: a private integration's own
 * channel, or a target of a shared integration's rules, whose events would become unrouted.
 */
@Injectable()
export class IntegrationChannelUses implements OnModuleInit {
  private readonly integrations: Repository<Integration>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly channels: ChannelsService,
  ) {
    this.integrations = dataSource.getRepository(Integration);
  }

  onModuleInit(): void {
    this.channels.guardDeletion((channelId) => this.whyInUse(channelId));
  }

  async whyInUse(channelId: string): Promise<string | undefined> {
    const bound = await this.integrations.countBy({ channelId });
    if (bound > 0) {
      return `channel ${channelId} receives alerts from ${bound} private integration(s); delete or move them first`;
    }
    const shared = await this.integrations.find({
      where: { type: 'shared' },
      order: { name: 'ASC' },
    });
    const routing = shared.filter(
      (integration) =>
        integration.routes && routeChannelIds(integration.routes).includes(channelId),
    );
    if (routing.length === 0) return undefined;
    const names = routing.map((integration) => `"${integration.name}" (${integration.id})`);
    return `channel ${channelId} is a routing target of shared integration(s) ${names.join(', ')}; change their routes first`;
  }
}
