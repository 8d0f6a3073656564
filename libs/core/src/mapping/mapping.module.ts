import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { PluginsModule } from '../plugins/plugins.module.js';
import { IntegrationMappingController } from './integration-mapping.controller.js';
import { IntegrationMappingService } from './integration-mapping.service.js';

@Module({
  imports: [IntegrationsModule, PluginsModule],
  providers: [IntegrationMappingService],
  controllers: [IntegrationMappingController],
})
export class MappingModule {}
