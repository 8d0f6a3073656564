import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { PipelineModule } from '../pipeline/pipeline.module.js';
import { PluginsModule } from '../plugins/plugins.module.js';
import { StorageModule } from '../storage/index.js';
import { IntegrationChannelUses } from './integration-channel-uses.js';
import { IntegrationHeartbeats } from './integration-heartbeats.js';
import { IntegrationPipelineService } from './integration-pipeline.service.js';
import { IntegrationRoutesController } from './integration-routes.controller.js';
import { IntegrationRoutesService } from './integration-routes.service.js';
import { IntegrationsController } from './integrations.controller.js';
import { IntegrationsService } from './integrations.service.js';
import { LatestEventTimes } from './latest-event-times.js';
import { PipelineController } from './pipeline.controller.js';
import { VersionedParts } from './versioned-parts.js';

@Module({
  imports: [ChannelsModule, PluginsModule, PipelineModule, StorageModule],
  providers: [
    IntegrationsService,
    IntegrationRoutesService,
    IntegrationPipelineService,
    IntegrationChannelUses,
    LatestEventTimes,
    IntegrationHeartbeats,
    VersionedParts,
  ],
  controllers: [IntegrationsController, IntegrationRoutesController, PipelineController],
  exports: [
    IntegrationsService,
    IntegrationRoutesService,
    LatestEventTimes,
    IntegrationHeartbeats,
    VersionedParts,
  ],
})
export class IntegrationsModule {}
