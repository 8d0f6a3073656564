import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/index.js';
import { MapTablesService } from './map-tables.service.js';
import { PipelineService } from './pipeline.service.js';
import { PipelineTemplatesController } from './pipeline-templates.controller.js';

/**
 * Pipelines and their map tables, on any integration-shaped value: the admin API of an
 * integration's pipeline is in integrations/, as its routes' is.
 */
@Module({
  imports: [StorageModule],
  providers: [PipelineService, MapTablesService],
  controllers: [PipelineTemplatesController],
  exports: [PipelineService, MapTablesService],
})
export class PipelineModule {}
