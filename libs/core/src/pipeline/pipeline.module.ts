import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/index.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { MapTablesService } from './map-tables.service.js';
import { PipelineController } from './pipeline.controller.js';
import { PipelineService } from './pipeline.service.js';
import { PipelineTemplatesController } from './pipeline-templates.controller.js';

@Module({
  imports: [IntegrationsModule, StorageModule],
  providers: [PipelineService, MapTablesService],
  controllers: [PipelineController, PipelineTemplatesController],
  exports: [PipelineService],
})
export class PipelineModule {}
