import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { StorageModule } from '../storage/index.js';
import { HandshakesModule } from '../handshakes/handshakes.module.js';
import { PluginsModule } from '../plugins/plugins.module.js';
import { IntegrationHeartbeats } from './integration-heartbeats.js';
import { IntegrationsController } from './integrations.controller.js';
import { IntegrationsService } from './integrations.service.js';
import { LatestEventTimes } from './latest-event-times.js';

@Module({
  imports: [ChannelsModule, PluginsModule, HandshakesModule, StorageModule],
  providers: [IntegrationsService, LatestEventTimes, IntegrationHeartbeats],
  controllers: [IntegrationsController],
  exports: [IntegrationsService, LatestEventTimes, IntegrationHeartbeats],
})
export class IntegrationsModule {}
