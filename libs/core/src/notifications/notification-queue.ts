import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { WriteQueue } from '../storage/index.js';
import { compileCondition } from '../routing/route-condition.js';
import { DeliveryAttempt } from './delivery-attempt.entity.js';
import { NotificationOutboxEntry } from './notification-outbox-entry.entity.js';
import type { NotificationSubscription } from './notification-subscription.entity.js';
import { Notification } from './notification.entity.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Outbox rows fanned out per transaction. */
export const FAN_OUT_BATCH = 200;

/** A subscription's notifications waiting, and how many of them may be tried now. */
export interface WaitingWork {
  subscriptionId: string;
  waiting: number;
  due: number;
}

/** How an attempt ended, for the notifications it carried and the delivery log. */
export interface AttemptRecord {
  subscriptionId: string;
  type: DeliveryAttempt['kind'];
  outcome: DeliveryAttempt['outcome'];
  httpStatus: number | null;
  latencyMs: number;
  error: string | null;
  attemptedAt: Date;
}

/** What becomes of a failed notification: when it is tried again, or that it is dead. */
export type FailurePlan = (notification: Notification) => { dead: boolean; nextAttemptAt: Date };

/** An attempt that ended, with the notifications it carried. */
export interface FinishedAttempt {
  notifications: readonly Notification[];
  attempt: AttemptRecord;
  plan: FailurePlan;
}

function deliveryLogRow(
  notifications: readonly Notification[],
  attempt: AttemptRecord,
): Omit<DeliveryAttempt, 'id'> {
  return {
    subscriptionId: attempt.subscriptionId,
    kind: attempt.type,
    notificationIds: notifications.map((notification) => notification.id),
    attemptedAt: attempt.attemptedAt,
    outcome: attempt.outcome,
    httpStatus: attempt.httpStatus,
    latencyMs: Math.round(attempt.latencyMs),
    error: attempt.error?.slice(0, 1000) ?? null,
  };
}

/**
 * The sequence of the earliest pending notification of `n`'s alert to `n`'s subscription. A
 * scalar subquery, not `NOT EXISTS`: PostgreSQL turns NOT EXISTS into an anti-join, and on a
 * table its statistics do not know yet (a young database, the first minute of a storm) it chose
 * to rescan every pending row for each candidate, 0.2 s a claim at 500 pending. A subquery stays
 * one index probe (`notifications_pending_alert`) per candidate, whatever the statistics.
 */
const EARLIEST_PENDING = `(SELECT MIN(earlier.sequence) FROM notifications earlier
  WHERE earlier.subscription_id = n.subscription_id AND earlier.alert_id = n.alert_id
    AND earlier.state = 'pending')`;

/** The earliest notification of `n`'s alert before `n` that a worker holds (as above). */
const EARLIEST_HELD = `(SELECT MIN(earlier.sequence) FROM notifications earlier
  WHERE earlier.subscription_id = n.subscription_id AND earlier.alert_id = n.alert_id
    AND earlier.state = 'pending' AND earlier.sequence < n.sequence
    AND earlier.claimed_until >= :now)`;

/** Does the subscription want this outbox row's transition, by kind and filter? */
function wants(subscription: NotificationSubscription, entry: NotificationOutboxEntry): boolean {
  if (!subscription.transitions.includes(entry.transition)) return false;
  const { snapshot } = entry;
  const subject = {
    labels: snapshot.labels,
    title: snapshot.title,
    description: snapshot.description,
    severity: snapshot.severity,
    status: entry.transition === 'alert.resolved' ? ('resolved' as const) : ('firing' as const),
  };
  return subscription.filter.every((condition) => compileCondition(condition)(subject));
}

/**
 * The database side of delivery: fanning the outbox out to subscriptions, claiming work (with a
 * lease, `FOR UPDATE SKIP LOCKED` on PostgreSQL so that processes never take the same rows), and
 * recording how attempts ended. One alert's notifications to one subscription are claimed in
 * sequence order: none while an earlier one is still pending. The worker's own writes are
 * redoable (`WriteQueue.runRedoable`): lost to a power failure, they are done again, and at
 * worst a notification goes twice, which its id lets a receiver drop.
 */
@Injectable()
export class NotificationQueue {
  private readonly isPostgres: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly subscriptions: SubscriptionsService,
  ) {
    this.isPostgres = dataSource.options.type === 'postgres';
  }

  /**
   * Turns outbox rows into notifications of the subscriptions that want them, and deletes the
   * rows, in one transaction. A row is taken only when no earlier row of its alert is left (or
   * held by another process), so that sequences are fanned out in order. Returns rows taken.
   */
  fanOut(now: Date): Promise<number> {
    return this.writes.runRedoable(() =>
      this.dataSource.transaction(async (manager) => {
        const query = manager
          .createQueryBuilder(NotificationOutboxEntry, 'entry')
          .where(
            // The earliest row of its alert (see `EARLIEST_PENDING` for why not NOT EXISTS).
            'entry.id = (SELECT MIN(earlier.id) FROM notification_outbox earlier WHERE earlier.alert_id = entry.alert_id)',
          )
          .orderBy('entry.id')
          .limit(FAN_OUT_BATCH);
        if (this.isPostgres) query.setLock('pessimistic_write').setOnLocked('skip_locked');
        const entries = await query.getMany();
        if (entries.length === 0) return 0;
        const subscriptions = await this.subscriptions.ofChannels(
          entries.map((entry) => entry.channelId),
        );
        const notifications = entries.flatMap((entry) =>
          subscriptions
            .filter(
              (subscription) =>
                subscription.channelId === entry.channelId && wants(subscription, entry),
            )
            .map((subscription) => ({
              id: randomUUID(),
              subscriptionId: subscription.id,
              alertId: entry.alertId,
              sequence: entry.id,
              transition: entry.transition,
              severity: entry.severity,
              occurredAt: entry.occurredAt,
              snapshot: entry.snapshot,
              state: 'pending' as const,
              attempts: 0,
              nextAttemptAt: now,
              claimedUntil: null,
              createdAt: now,
              finishedAt: null,
              lastError: null,
            })),
        );
        for (let start = 0; start < notifications.length; start += 100) {
          await manager
            .createQueryBuilder()
            .insert()
            .into(Notification)
            .values(notifications.slice(start, start + 100))
            .orIgnore()
            .execute();
        }
        await manager.delete(NotificationOutboxEntry, { id: In(entries.map((entry) => entry.id)) });
        return entries.length;
      }),
    );
  }

  /** Per subscription: notifications pending and not held by a worker, and how many are due. */
  async waiting(now: Date): Promise<WaitingWork[]> {
    const rows = await this.dataSource
      .createQueryBuilder(Notification, 'n')
      .select('n.subscription_id', 'subscriptionId')
      .addSelect('COUNT(*)', 'waiting')
      .addSelect('SUM(CASE WHEN n.next_attempt_at <= :now THEN 1 ELSE 0 END)', 'due')
      .where("n.state = 'pending'")
      .andWhere('(n.claimed_until IS NULL OR n.claimed_until < :now)')
      .setParameters({ now })
      .groupBy('n.subscription_id')
      .getRawMany<{ subscriptionId: string; waiting: string | number; due: string | number }>();
    return rows.map((row) => ({
      subscriptionId: row.subscriptionId,
      waiting: Number(row.waiting),
      due: Number(row.due),
    }));
  }

  /**
   * Takes up to `limit` of a subscription's notifications until `leaseUntil`, oldest sequence
   * first. One by one (`digest` false): only due ones, each the earliest pending of its alert.
   * For a digest: every pending one, due or not, unless an earlier one of its alert is held by
   * a worker (the digest lists an alert's notifications in order itself).
   */
  claim(
    subscriptionId: string,
    limit: number,
    now: Date,
    leaseUntil: Date,
    digest: boolean,
  ): Promise<Notification[]> {
    return this.writes.runRedoable(() =>
      this.dataSource.transaction(async (manager) => {
        const query = manager
          .createQueryBuilder(Notification, 'n')
          .select('n.id', 'id')
          .where('n.subscription_id = :subscriptionId', { subscriptionId })
          .andWhere("n.state = 'pending'")
          .andWhere('(n.claimed_until IS NULL OR n.claimed_until < :now)', { now })
          .orderBy('n.sequence')
          .limit(limit);
        if (digest) {
          query.andWhere(`${EARLIEST_HELD} IS NULL`);
        } else {
          query.andWhere('n.next_attempt_at <= :now').andWhere(`n.sequence = ${EARLIEST_PENDING}`);
        }
        if (this.isPostgres) query.setLock('pessimistic_write').setOnLocked('skip_locked');
        const ids = (await query.getRawMany<{ id: string }>()).map((row) => row.id);
        if (ids.length === 0) return [];
        await manager.update(Notification, { id: In(ids) }, { claimedUntil: leaseUntil });
        const claimed = await manager.findBy(Notification, { id: In(ids) });
        return claimed.sort((a, b) => a.sequence - b.sequence);
      }),
    );
  }

  /**
   * Records attempts and what each means for the notifications it carried, all in one
   * transaction: the worker gathers the attempts that ended while the previous ones were written.
   */
  finish(attempts: readonly FinishedAttempt[]): Promise<void> {
    if (attempts.length === 0) return Promise.resolve();
    return this.writes.runRedoable(() =>
      this.dataSource.transaction(async (manager) => {
        for (const { notifications, attempt, plan } of attempts)
          await this.settle(manager, notifications, attempt, plan);
        await manager.insert(
          DeliveryAttempt,
          attempts.map(({ notifications, attempt }) => deliveryLogRow(notifications, attempt)),
        );
      }),
    );
  }

  /** Records a test delivery: it carries no notification. */
  logTest(attempt: AttemptRecord): Promise<DeliveryAttempt> {
    return this.writes.run(() =>
      this.dataSource.getRepository(DeliveryAttempt).save(deliveryLogRow([], attempt)),
    );
  }

  /** Gives claimed notifications back before their lease ends: any worker may take them now. */
  async release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.writes.runRedoable(() =>
      this.dataSource
        .createQueryBuilder()
        .update(Notification)
        .set({ claimedUntil: null })
        .where({ id: In([...ids]) })
        .andWhere("state = 'pending'")
        .execute(),
    );
  }

  /** Puts notifications back in the queue, as new; those still pending are left alone. */
  async replay(ids: readonly string[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.writes.run(() =>
      this.dataSource
        .createQueryBuilder()
        .update(Notification)
        .set({
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
          finishedAt: null,
          claimedUntil: null,
          lastError: null,
        })
        .where({ id: In([...ids]) })
        .andWhere("state <> 'pending'")
        .execute(),
    );
    return result.affected ?? 0;
  }

  /** Notifications not yet delivered or dead, and transitions not yet fanned out. */
  async depth(): Promise<number> {
    const [pending, outbox] = await Promise.all([
      // The state as a literal: only then may SQLite count with the partial pending indexes.
      this.dataSource.createQueryBuilder(Notification, 'n').where("n.state = 'pending'").getCount(),
      this.dataSource.getRepository(NotificationOutboxEntry).count(),
    ]);
    return pending + outbox;
  }

  private async settle(
    manager: EntityManager,
    notifications: readonly Notification[],
    attempt: AttemptRecord,
    plan: FailurePlan,
  ): Promise<void> {
    const ids = notifications.map((notification) => notification.id);
    if (ids.length === 0) return;
    const at = attempt.attemptedAt;
    if (attempt.outcome === 'delivered') {
      await manager.update(
        Notification,
        { id: In(ids) },
        { state: 'delivered', finishedAt: at, claimedUntil: null, lastError: null },
      );
      return;
    }
    if (attempt.outcome === 'rate_limited') {
      // Not a failure of the notification: it waits for the window, then goes in a digest.
      await manager.update(
        Notification,
        { id: In(ids) },
        { claimedUntil: null, lastError: attempt.error },
      );
      return;
    }
    for (const notification of notifications) {
      const attempts = notification.attempts + 1;
      const { dead, nextAttemptAt } = plan({ ...notification, attempts });
      await manager.update(
        Notification,
        { id: notification.id },
        {
          attempts,
          nextAttemptAt,
          claimedUntil: null,
          lastError: attempt.error,
          ...(dead ? { state: 'dead' as const, finishedAt: at } : {}),
        },
      );
    }
  }
}
