import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { HandshakesModule } from '../handshakes/handshakes.module.js';
import { PluginsModule } from '../plugins/plugins.module.js';
import { IntegrationHeartbeats } from './integration-heartbeats.js';
import { IntegrationsController } from './integrations.controller.js';
import { IntegrationsService } from './integrations.service.js';
import { LatestEventTimes } from './latest-event-times.js';
import { VersionedParts } from './versioned-parts.js';

@Module({
  imports: [ChannelsModule, PluginsModule, HandshakesModule, DatabaseModule],
  providers: [IntegrationsService, LatestEventTimes, IntegrationHeartbeats, VersionedParts],
  controllers: [IntegrationsController],
  exports: [IntegrationsService, LatestEventTimes, IntegrationHeartbeats, VersionedParts],
})
export class IntegrationsModule {}
