import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { AlertSilenceMarks } from './alert-silence-marks.js';
import { StorageModule } from '../storage/index.js';
import { AlertsController } from './alerts.controller.js';
import { EventStore } from './event-store.service.js';
import { EventsController } from './events.controller.js';
import { EventsQueryService } from './events-query.service.js';
import { FiringEvents } from './firing-events.js';

@Module({
  imports: [IntegrationsModule, StorageModule],
  providers: [EventStore, EventsQueryService, AlertSilenceMarks, FiringEvents],
  controllers: [EventsController, AlertsController],
  exports: [EventStore, EventsQueryService, AlertSilenceMarks, FiringEvents],
})
export class EventsModule {}
