import { Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HeartbeatsModule } from '../heartbeats/heartbeats.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PluginsModule } from '../plugins/plugins.module.js';
import { AlertMetrics } from './alert-metrics.js';
import { DatabasePoolMetrics } from './database-pool-metrics.js';
import { IntegrationMetrics } from './integration-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { NotificationMetrics } from './notification-metrics.js';
import { PushMetrics } from './push-metrics.js';
import { SilenceMetrics } from './silence-metrics.js';

/**
 * Each app has its own registry, not prom-client's global one, so that several apps in one
 * process (the tests do that) neither share nor clash over series. Node's process metrics
 * (CPU, memory, event loop, GC) come with it.
 */
function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

@Module({
  imports: [IngestModule, PluginsModule, IntegrationsModule, HeartbeatsModule, NotificationsModule],
  providers: [
    { provide: Registry, useFactory: createRegistry },
    PushMetrics,
    AlertMetrics,
    DatabasePoolMetrics,
    IntegrationMetrics,
    SilenceMetrics,
    NotificationMetrics,
  ],
  controllers: [MetricsController],
})
export class MetricsModule {}
