import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { PushLogController } from './push-log.controller.js';
import { PushLogService } from './push-log.service.js';
import { PushLogWriter } from './push-log.writer.js';

/** The push log: what happened to each push of an integration, fed by PushMonitor. */
@Module({
  imports: [DatabaseModule, IngestModule, IntegrationsModule],
  providers: [PushLogWriter, PushLogService],
  controllers: [PushLogController],
})
export class PushLogModule {}
