import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { SEVERITIES, type Severity } from '@alert-hub/plugin-sdk';
import { Alert } from '../events/alert.entity.js';

type ActiveAlertCounts = Map<Severity, number>;

/**
 * Active alerts by severity, counted when Prometheus scrapes: one grouped COUNT. The same query
 * tells whether the database answers, so a scrape during an outage still succeeds and says so.
 */
@Injectable()
export class AlertMetrics {
  private readonly logger = new Logger('Metrics');
  /** The count of the scrape under way: both gauges are collected from one query. */
  private counting?: Promise<ActiveAlertCounts | undefined>;

  constructor(
    registry: Registry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const activeAlerts: Gauge<'severity'> = new Gauge({
      name: 'alert_hub_active_alerts',
      help: 'Alerts currently active, by severity (absent while the database cannot be queried)',
      labelNames: ['severity'],
      registers: [registry],
      collect: async () => {
        const counts = await this.countActiveAlerts();
        activeAlerts.reset();
        if (counts === undefined) return;
        for (const severity of SEVERITIES)
          activeAlerts.set({ severity }, counts.get(severity) ?? 0);
      },
    });
    const databaseUp: Gauge = new Gauge({
      name: 'alert_hub_database_up',
      help: '1 when the database answered the last scrape, else 0',
      registers: [registry],
      collect: async () => {
        databaseUp.set((await this.countActiveAlerts()) === undefined ? 0 : 1);
      },
    });
  }

  private countActiveAlerts(): Promise<ActiveAlertCounts | undefined> {
    this.counting ??= this.queryActiveAlerts().finally(() => {
      this.counting = undefined;
    });
    return this.counting;
  }

  private async queryActiveAlerts(): Promise<ActiveAlertCounts | undefined> {
    try {
      const rows = await this.dataSource
        .getRepository(Alert)
        .createQueryBuilder('alert')
        .select('alert.severity', 'severity')
        .addSelect('COUNT(*)', 'count')
        .where("alert.status = 'active'")
        .groupBy('alert.severity')
        .getRawMany<{ severity: Severity; count: number | string }>();
      return new Map(rows.map((row) => [row.severity, Number(row.count)]));
    } catch (error) {
      this.logger.debug(`could not count active alerts: ${String(error)}`);
      return undefined;
    }
  }
}
