import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { HeartbeatAlerts } from './heartbeat-alerts.js';
import { HeartbeatBeats } from './heartbeat-beats.service.js';
import { HeartbeatExpiry } from './heartbeat-expiry.service.js';

/** Heartbeats (dead-man's switches) of integrations: their beats, their expiry, their alert. */
@Module({
  imports: [IntegrationsModule, RoutingModule, EventsModule],
  providers: [HeartbeatAlerts, HeartbeatBeats, HeartbeatExpiry],
  exports: [HeartbeatBeats, HeartbeatExpiry],
})
export class HeartbeatsModule {}
