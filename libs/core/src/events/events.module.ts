import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { AlertsController } from './alerts.controller.js';
import { EventStore } from './event-store.service.js';
import { EventsController } from './events.controller.js';
import { EventsQueryService } from './events-query.service.js';

@Module({
  imports: [DatabaseModule],
  providers: [EventStore, EventsQueryService],
  controllers: [EventsController, AlertsController],
  exports: [EventStore],
})
export class EventsModule {}
