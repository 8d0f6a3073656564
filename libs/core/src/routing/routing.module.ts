import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { StorageModule } from '../storage/index.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { RoutesController } from './routes.controller.js';
import { RoutesService } from './routes.service.js';
import { RoutingService } from './routing.service.js';

@Module({
  imports: [ChannelsModule, IntegrationsModule, StorageModule],
  providers: [RoutingService, RoutesService],
  controllers: [RoutesController],
  exports: [RoutingService, RoutesService],
})
export class RoutingModule {}
