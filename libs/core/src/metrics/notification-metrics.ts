import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Subscription } from 'rxjs';
import { DELIVERY_OUTCOMES } from '../notifications/delivery-attempt.entity.js';
import { DeliveryMonitor, type DeliveryRecord } from '../notifications/delivery-monitor.js';
import { DESTINATION_KIND_IDS } from '../notifications/kinds/destination-kinds.js';
import { NotificationQueue } from '../notifications/notification-queue.js';

/** Delivery attempts by destination kind and outcome, and the depth of the outbox. */
@Injectable()
export class NotificationMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Metrics');
  private readonly attempts: Counter<'kind' | 'outcome'>;
  private readonly notifications: Counter<'kind' | 'outcome'>;
  private subscription?: Subscription;

  constructor(
    registry: Registry,
    private readonly monitor: DeliveryMonitor,
    queue: NotificationQueue,
  ) {
    this.attempts = new Counter({
      name: 'alert_hub_notification_deliveries_total',
      help: 'Delivery attempts (a digest is one) by destination kind and outcome: delivered, failed, rate_limited',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    });
    this.notifications = new Counter({
      name: 'alert_hub_notifications_sent_total',
      help: 'Notifications carried by delivery attempts, by destination kind and outcome',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    });
    const depth: Gauge = new Gauge({
      name: 'alert_hub_notification_outbox_depth',
      help: 'Notifications not yet delivered nor dead, and logged transitions a subscription has not read yet (absent while the database cannot be queried)',
      registers: [registry],
      collect: async () => {
        depth.reset();
        try {
          depth.set(await queue.depth());
        } catch (error) {
          this.logger.debug(`could not count the outbox: ${String(error)}`);
        }
      },
    });
  }

  onApplicationBootstrap(): void {
    for (const kind of DESTINATION_KIND_IDS) {
      for (const outcome of DELIVERY_OUTCOMES) {
        this.attempts.inc({ kind, outcome }, 0);
        this.notifications.inc({ kind, outcome }, 0);
      }
    }
    this.subscription = this.monitor.deliveries.subscribe((record) => this.observe(record));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private observe(record: DeliveryRecord): void {
    this.attempts.inc({ kind: record.kind, outcome: record.outcome });
    this.notifications.inc({ kind: record.kind, outcome: record.outcome }, record.notifications);
  }
}
