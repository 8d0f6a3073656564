import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { HandshakesModule } from '../handshakes/handshakes.module.js';
import { HeartbeatsModule } from '../heartbeats/heartbeats.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { PipelineModule } from '../pipeline/pipeline.module.js';
import { PluginsModule } from '../plugins/plugins.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { SilencesModule } from '../silences/silences.module.js';
import { INGEST_FLOW_PROVIDERS } from './flow/ingest-flow.js';
import { HeartbeatPingController } from './heartbeat-ping.controller.js';
import { IngestService } from './ingest.service.js';
import { PushMonitor } from './push-monitor.js';
import { IntegrationTestController } from './integration-test.controller.js';
import { PipelinePreviewController } from './pipeline-preview.controller.js';
import { PreHandlerRefusals } from './pre-handler-refusals.js';
import { PushGate } from './push-gate.js';
import { RoutePreviewController } from './route-preview.controller.js';
import { WebhookController } from './webhook.controller.js';

@Module({
  imports: [
    PluginsModule,
    IntegrationsModule,
    RoutingModule,
    PipelineModule,
    EventsModule,
    OutboundModule,
    HandshakesModule,
    HeartbeatsModule,
    SilencesModule,
  ],
  providers: [IngestService, PushMonitor, PushGate, PreHandlerRefusals, ...INGEST_FLOW_PROVIDERS],
  exports: [PushMonitor],
  controllers: [
    WebhookController,
    HeartbeatPingController,
    IntegrationTestController,
    RoutePreviewController,
    PipelinePreviewController,
  ],
})
export class IngestModule {}
