import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { EventRetention } from './event-retention.service.js';

@Module({ imports: [EventsModule], providers: [EventRetention], exports: [EventRetention] })
export class RetentionModule {}
