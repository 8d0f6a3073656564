import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { StorageModule } from '../storage/index.js';
import { AlertsController } from './alerts.controller.js';
import { EventStore } from './event-store.service.js';
import { EventsController } from './events.controller.js';
import { EventsQueryService } from './events-query.service.js';

@Module({
  imports: [IntegrationsModule, StorageModule],
  providers: [EventStore, EventsQueryService],
  controllers: [EventsController, AlertsController],
  exports: [EventStore],
})
export class EventsModule {}
