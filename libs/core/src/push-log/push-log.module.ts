import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { IngestModule } from '../ingest/ingest.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { PushCountsController } from './push-counts.controller.js';
import { PushLogController } from './push-log.controller.js';
import { PushLogService } from './push-log.service.js';
import { PUSH_LOG_STORE, pushLogStoreFor } from './push-log-store.js';
import { PushLogWriter } from './push-log.writer.js';

/** The push log: what happened to each push of an integration, fed by PushMonitor. */
@Module({
  imports: [IngestModule, IntegrationsModule],
  providers: [
    { provide: PUSH_LOG_STORE, inject: [getDataSourceToken()], useFactory: pushLogStoreFor },
    PushLogWriter,
    PushLogService,
  ],
  controllers: [PushLogController, PushCountsController],
})
export class PushLogModule {}
