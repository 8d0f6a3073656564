import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { Subscription } from 'rxjs';
import { PushMonitor } from '../ingest/push-monitor.js';

/**
 * Event copies silences took, per integration: `marked` (stored, flagged silenced) and `dropped`
 * (not stored: the push log names the silence). An integration's series appear with its first
 * silenced event; integrations are few and made by an admin.
 */
@Injectable()
export class SilenceMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly silenced: Counter<'integration_id' | 'plugin' | 'action'>;
  private subscription?: Subscription;

  constructor(
    registry: Registry,
    private readonly monitor: PushMonitor,
  ) {
    this.silenced = new Counter({
      name: 'alert_hub_silenced_events_total',
      help: 'Event copies (one per channel) silences took: marked (stored, flagged silenced) or dropped (not stored)',
      labelNames: ['integration_id', 'plugin', 'action'],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    this.subscription = this.monitor.pushes.subscribe(({ silenced, integrationId, pluginId }) => {
      if (silenced === undefined || integrationId === null) return;
      const labels = { integration_id: integrationId, plugin: pluginId };
      if (silenced.marked > 0) this.silenced.inc({ ...labels, action: 'marked' }, silenced.marked);
      if (silenced.dropped > 0)
        this.silenced.inc({ ...labels, action: 'dropped' }, silenced.dropped);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
