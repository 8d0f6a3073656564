import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { EventRetention } from './event-retention.service.js';

@Module({ imports: [DatabaseModule], providers: [EventRetention], exports: [EventRetention] })
export class RetentionModule {}
