import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { PeriodicTask } from '../database/periodic-task.js';
import { ScheduledWork } from '../database/scheduled-work.js';
import { SqlDialect, WriteQueue } from '../storage/index.js';
import { AlertEvent } from '../events/alert-event.entity.js';
import { Alert } from '../events/alert.entity.js';
import { DeliveryAttempt } from '../notifications/delivery-attempt.entity.js';
import { NotificationLog } from '../notifications/notification-log.js';
import { NotificationOutboxEntry } from '../notifications/notification-outbox-entry.entity.js';
import { Notification } from '../notifications/notification.entity.js';

export const DEFAULT_EVENT_RETENTION_DAYS = 30;
/** Rows per DELETE: each statement is short, so pushes get the database between batches. */
export const PURGE_BATCH_SIZE = 1000;
/** A run stops after this many batches of each kind; the next run carries on. */
const MAX_BATCHES_PER_RUN = 1000;
const FIRST_RUN_DELAY_MS = 60_000;
const RUN_INTERVAL_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

export interface PurgeResult {
  /** Rows received before this time were candidates. */
  cutoff: Date;
  events: number;
  alerts: number;
  /** Delivered or dead notifications, finished before the cutoff. */
  notifications: number;
  /** Delivery log entries, attempted before the cutoff. */
  deliveries: number;
  /** Rows of the log of transitions from before the cutoff that every subscription has read. */
  transitions: number;
}

/**
 * Deletes events older than `eventRetentionDays` and then the resolved alerts left without
 * events, in the background: once a minute after start, then every ten minutes. An active alert
 * and every one of its events are kept, however old. Safe with several replicas at once: the
 * deletes are idempotent, and on PostgreSQL a replica skips the rows another one is deleting.
 */
@Injectable()
export class EventRetention extends ScheduledWork<PurgeResult> {
  private readonly logger = new Logger('Retention');
  private readonly isPostgres: boolean;
  private readonly retentionDays: number;
  private readonly log: NotificationLog;
  protected readonly task: PeriodicTask<PurgeResult>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CORE_OPTIONS) options: CoreOptions,
    private readonly writes: WriteQueue,
  ) {
    super();
    this.isPostgres = dataSource.options.type === 'postgres';
    this.log = new NotificationLog(new SqlDialect(dataSource));
    this.retentionDays = options.eventRetentionDays ?? DEFAULT_EVENT_RETENTION_DAYS;
    this.task = new PeriodicTask({
      run: () => this.purgeBefore(new Date(Date.now() - this.retentionDays * DAY_MS)),
      firstDelayMs: FIRST_RUN_DELAY_MS,
      intervalMs: RUN_INTERVAL_MS,
      onRun: ({ events, alerts, notifications, deliveries, transitions, cutoff }) => {
        if (events + alerts + notifications + deliveries + transitions === 0) return;
        this.logger.log(
          `purged ${events} events, ${alerts} alerts, ${notifications} notifications, ${deliveries} delivery log entries and ${transitions} logged transitions from before ${cutoff.toISOString()}`,
        );
      },
      onFailure: (error) =>
        this.logger.warn(`purge failed, retrying in ten minutes: ${String(error)}`),
    });
  }

  /** Purges what is older than the retention now, after a run in progress has finished. */
  purge(): Promise<PurgeResult> {
    return this.task.runNow();
  }

  private async purgeBefore(cutoff: Date): Promise<PurgeResult> {
    const events = await this.inBatches(() =>
      this.deleteExpired(AlertEvent, this.expiredEvents(cutoff)),
    );
    const alerts = await this.inBatches(() =>
      this.deleteExpired(Alert, this.expiredAlerts(cutoff)),
    );
    const notifications = await this.inBatches(() =>
      this.deleteExpired(Notification, this.finishedBefore(cutoff)),
    );
    const deliveries = await this.inBatches(() =>
      this.deleteExpired(DeliveryAttempt, this.attemptedBefore(cutoff)),
    );
    const transitions = await this.inBatches(() =>
      this.deleteExpired(NotificationOutboxEntry, this.readBefore(cutoff)),
    );
    return { cutoff, events, alerts, notifications, deliveries, transitions };
  }

  /** Notifications delivered or dead before the cutoff: a pending one is kept, however old. */
  private finishedBefore(cutoff: Date): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource
      .createQueryBuilder()
      .subQuery()
      .select('notification.id')
      .from(Notification, 'notification')
      .where('notification.finished_at < :cutoff', { cutoff })
      .orderBy('notification.id');
  }

  /**
   * Log rows of transitions before the cutoff that no subscription of their channel has still to
   * read. A replay of a notification delivered at its first attempt is made from its row: once
   * the row is gone, such a replay requeues nothing (and says so), as a purged event is gone.
   */
  private readBefore(cutoff: Date): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource
      .createQueryBuilder()
      .subQuery()
      .select('entry.id')
      .from(NotificationOutboxEntry, 'entry')
      .where('entry.occurred_at < :cutoff', { cutoff })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM notification_subscriptions reader
           WHERE reader.channel_id = entry.channel_id AND ${this.log.pastCursor('entry', 'reader')})`,
      )
      .orderBy('entry.id');
  }

  private attemptedBefore(cutoff: Date): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource
      .createQueryBuilder()
      .subQuery()
      .select('attempt.id')
      .from(DeliveryAttempt, 'attempt')
      .where('attempt.attempted_at < :cutoff', { cutoff })
      .orderBy('attempt.id');
  }

  /** Events received before the cutoff, except those of an alert that is still active. */
  private expiredEvents(cutoff: Date): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource
      .createQueryBuilder()
      .subQuery()
      .select('event.id')
      .from(AlertEvent, 'event')
      .where('event.received_at < :cutoff', { cutoff })
      .andWhere(
        "NOT EXISTS (SELECT 1 FROM alerts open_alert WHERE open_alert.id = event.alert_id AND open_alert.status = 'active')",
      )
      .orderBy('event.id');
  }

  /**
   * Resolved alerts last seen before the cutoff with no event left: the server's clock decides,
   * not the source's `endsAt`, and no event is left pointing at a deleted alert.
   */
  private expiredAlerts(cutoff: Date): SelectQueryBuilder<ObjectLiteral> {
    return (
      this.dataSource
        .createQueryBuilder()
        .subQuery()
        .select('alert.id')
        .from(Alert, 'alert')
        .where("alert.status = 'resolved'")
        // Implied by the next condition (an alert is seen first when it is created); it is what
        // the index alerts_status_created can serve.
        .andWhere('alert.created_at < :cutoff', { cutoff })
        .andWhere('alert.last_seen_at < :cutoff', { cutoff })
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM alert_events linked_event WHERE linked_event.alert_id = alert.id)',
        )
        .orderBy('alert.id')
    );
  }

  /** Deletes one batch of the rows `expired` selects; returns how many went. */
  private deleteExpired(
    entity:
      | typeof AlertEvent
      | typeof Alert
      | typeof Notification
      | typeof DeliveryAttempt
      | typeof NotificationOutboxEntry,
    expired: SelectQueryBuilder<ObjectLiteral>,
  ): Promise<number> {
    expired.limit(PURGE_BATCH_SIZE);
    if (this.isPostgres) expired.setLock('pessimistic_write').setOnLocked('skip_locked');
    const run = async () => {
      const result = await this.dataSource
        .createQueryBuilder()
        .delete()
        .from(entity)
        .where(`id IN ${expired.getQuery()}`)
        .setParameters(expired.getParameters())
        .execute();
      return result.affected ?? 0;
    };
    // On SQLite each batch takes its turn among the pushes: one short statement at a time.
    return this.writes.run(run);
  }

  private async inBatches(deleteBatch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN && !this.task.stopped; batch++) {
      const deleted = await deleteBatch();
      total += deleted;
      if (deleted < PURGE_BATCH_SIZE) break;
      await nextTurn();
    }
    return total;
  }
}
