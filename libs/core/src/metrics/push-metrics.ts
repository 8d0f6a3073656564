import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import type { Subscription } from 'rxjs';
import { PushMonitor } from '../ingest/push-monitor.js';
import { PUSH_OUTCOMES, type PushRecord } from '../ingest/push-record.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';

const EVENT_RESULTS = ['stored', 'deduplicated', 'unrouted'] as const;

/** The `plugin` label of a push to a path no enabled plugin has: one series, however many paths. */
export const UNKNOWN_PLUGIN = 'unknown';

/**
 * Counts pushes and their events as the push monitor announces them. Labels are bounded: an
 * enabled plugin's id, an outcome, a result; never a key, a path or anything a sender chose.
 */
@Injectable()
export class PushMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pushes: Counter<'plugin' | 'outcome'>;
  private readonly events: Counter<'plugin' | 'result'>;
  private readonly duration: Histogram<'plugin'>;
  private readonly dropped: Counter<'integration' | 'reason'>;
  private subscription?: Subscription;

  constructor(
    registry: Registry,
    private readonly monitor: PushMonitor,
    private readonly plugins: PluginRegistry,
  ) {
    this.pushes = new Counter({
      name: 'alert_hub_pushes_total',
      help: 'Webhook pushes by outcome: accepted (2xx), refused (4xx: fix the sender), failed (5xx: the sender retries)',
      labelNames: ['plugin', 'outcome'],
      registers: [registry],
    });
    this.events = new Counter({
      name: 'alert_hub_events_total',
      help: 'Events of accepted pushes: stored (rows written, unrouted ones included), deduplicated (repeats not written), unrouted (no channel received them)',
      labelNames: ['plugin', 'result'],
      registers: [registry],
    });
    // Labels an admin chose (an integration, a drop step's reason), bounded by the pipelines.
    this.dropped = new Counter({
      name: 'alert_hub_events_dropped_total',
      help: "Events of accepted pushes that an integration's processing pipeline dropped (not stored), by integration and the drop step's reason",
      labelNames: ['integration', 'reason'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'alert_hub_push_duration_seconds',
      help: 'Time from receiving a push to its answer, stored or refused',
      labelNames: ['plugin'],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    // Every series exists from the start, at zero, so that rate() sees the first push.
    for (const { id: plugin } of this.plugins.list()) {
      for (const outcome of PUSH_OUTCOMES) this.pushes.inc({ plugin, outcome }, 0);
      for (const result of EVENT_RESULTS) this.events.inc({ plugin, result }, 0);
    }
    this.subscription = this.monitor.pushes.subscribe((record) => this.observe(record));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private observe(record: PushRecord): void {
    const plugin =
      this.plugins.find(record.pluginId) !== undefined ? record.pluginId : UNKNOWN_PLUGIN;
    this.pushes.inc({ plugin, outcome: record.outcome });
    this.duration.observe({ plugin }, record.durationMs / 1000);
    const { summary, dropped, integrationId } = record;
    if (dropped !== undefined && integrationId !== null) {
      for (const [reason, count] of dropped)
        this.dropped.inc({ integration: integrationId, reason }, count);
    }
    if (summary === null) return;
    for (const result of EVENT_RESULTS) this.events.inc({ plugin, result }, summary[result]);
  }
}
