import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Subscription } from 'rxjs';
import { HeartbeatExpiry } from '../heartbeats/heartbeat-expiry.service.js';
import {
  IntegrationsService,
  type IntegrationActivity,
} from '../integrations/integrations.service.js';

type TimeLabel = 'integration_id' | 'plugin';

/**
 * Each integration's latest event and latest beat, read from the database when Prometheus
 * scrapes (the same in every replica), and what this process's heartbeat sweeps did. The labels
 * are an integration's id and its plugin: as many series as there are integrations, which only
 * an admin creates; an integration without an event (or a beat) yet has no series.
 */
@Injectable()
export class IntegrationMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Metrics');
  /** The read of the scrape under way: both gauges are collected from one query. */
  private reading?: Promise<IntegrationActivity[] | undefined>;
  private readonly sweeps: Counter;
  private readonly opened: Counter;
  private subscription?: Subscription;

  constructor(
    registry: Registry,
    private readonly integrations: IntegrationsService,
    private readonly expiry: HeartbeatExpiry,
  ) {
    const timeGauge = (
      name: string,
      help: string,
      timeOf: (activity: IntegrationActivity) => Date | null,
    ) => {
      const gauge: Gauge<TimeLabel> = new Gauge({
        name,
        help,
        labelNames: ['integration_id', 'plugin'],
        registers: [registry],
        collect: async () => {
          const activity = await this.activity();
          gauge.reset();
          for (const integration of activity ?? []) {
            const time = timeOf(integration);
            if (time === null) continue;
            const labels = { integration_id: integration.id, plugin: integration.pluginId };
            gauge.set(labels, time.getTime() / 1000);
          }
        },
      });
    };
    timeGauge(
      'alert_hub_integration_last_event_timestamp_seconds',
      'When the latest event of each integration was received (Unix time)',
      (integration) => integration.latestEventAt,
    );
    timeGauge(
      'alert_hub_integration_last_beat_timestamp_seconds',
      "When each integration's heartbeat last beat (Unix time)",
      (integration) => integration.lastBeatAt,
    );
    this.sweeps = new Counter({
      name: 'alert_hub_heartbeat_sweeps_total',
      help: 'Scheduled heartbeat sweeps this process finished',
      registers: [registry],
    });
    this.opened = new Counter({
      name: 'alert_hub_heartbeat_alerts_opened_total',
      help: 'Alerts of missed heartbeats this process opened',
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    this.subscription = this.expiry.sweeps.subscribe(({ opened }) => {
      this.sweeps.inc();
      this.opened.inc(opened);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private activity(): Promise<IntegrationActivity[] | undefined> {
    this.reading ??= this.integrations
      .activity()
      .catch((error: unknown) => {
        this.logger.debug(`could not read the integrations' activity: ${String(error)}`);
        return undefined;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}
