import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { StorageModule } from '../storage/index.js';
import { PushCountsController } from './push-counts.controller.js';
import { PushLogController } from './push-log.controller.js';
import { PushLogService } from './push-log.service.js';
import { PushLogWriter } from './push-log.writer.js';

/** The push log: what happened to each push of an integration, fed by PushMonitor. */
@Module({
  imports: [IngestModule, IntegrationsModule, StorageModule],
  providers: [PushLogWriter, PushLogService],
  controllers: [PushLogController, PushCountsController],
})
export class PushLogModule {}
