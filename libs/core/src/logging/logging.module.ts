import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { PushLogger } from './push-logger.js';

@Module({ imports: [IngestModule], providers: [PushLogger] })
export class LoggingModule {}
