import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { PluginsModule } from '../plugins/plugins.module.js';
import { IntegrationsController } from './integrations.controller.js';
import { IntegrationsService } from './integrations.service.js';

@Module({
  imports: [ChannelsModule, PluginsModule],
  providers: [IntegrationsService],
  controllers: [IntegrationsController],
  exports: [IntegrationsService],
})
export class IntegrationsModule {}
