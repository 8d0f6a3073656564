import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/index.js';
import { EventRetention } from './event-retention.service.js';

@Module({ imports: [StorageModule], providers: [EventRetention], exports: [EventRetention] })
export class RetentionModule {}
