import { Module } from '@nestjs/common';
import { SqliteWriteQueue } from '../database/sqlite-write-queue.js';
import { AlertsController } from './alerts.controller.js';
import { EventStore } from './event-store.service.js';
import { EventsController } from './events.controller.js';
import { EventsQueryService } from './events-query.service.js';

@Module({
  providers: [EventStore, EventsQueryService, SqliteWriteQueue],
  controllers: [EventsController, AlertsController],
  exports: [EventStore, SqliteWriteQueue],
})
export class EventsModule {}
