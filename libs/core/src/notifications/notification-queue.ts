import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { timeOrderedUuid } from '../common/time-ordered-uuid.js';
import { CompiledCache } from '../common/compiled-cache.js';
import { compileCondition, type EventPredicate } from '../routing/route-condition.js';
import { SqlDialect, WriteQueue, type BoundColumn } from '../storage/index.js';
import { DeliveryAttempt } from './delivery-attempt.entity.js';
import type { OutboxRow } from './alert-transition.js';
import { NotificationOutboxEntry } from './notification-outbox-entry.entity.js';
import { NOTIFICATION_OUTBOX } from './notification-outbox.table.js';
import type { NotificationSubscription } from './notification-subscription.entity.js';
import { Notification } from './notification.entity.js';
import { NOTIFICATIONS } from './notifications.table.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Outbox rows fanned out per transaction. */
export const FAN_OUT_BATCH = 200;

/**
 * A subscription's notifications waiting, and how many of them may be tried now: both count
 * those a worker holds (claimed, or in a request) too.
 */
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

/** An outbox row as the fan-out reads it: its snapshot only when a filter needs it. */
type OutboxEntry = Pick<OutboxRow, 'alertId' | 'channelId' | 'transition'> & {
  id: number;
  snapshot?: OutboxRow['snapshot'];
};

/** Runs one hand-written statement: the rows it read or returned. */
type Statements = (text: string, parameters: unknown[]) => Promise<Record<string, unknown>[]>;

/** A notification pending for a subscription, as a claim first looks at it. */
type Candidate = Pick<Notification, 'id' | 'alertId' | 'sequence' | 'nextAttemptAt'>;

/**
 * Per alert: its earliest pending notification, its earliest one a worker holds, and its
 * earliest one a claim's limit left out.
 */
interface AlertHead {
  first: number;
  firstHeld: number | null;
  firstLeftOut: number | null;
}

const NEW_NOTIFICATION: readonly BoundColumn[] = [
  { name: 'id', postgresType: 'varchar' },
  { name: 'subscription_id', postgresType: 'varchar' },
  { name: 'outbox_id', postgresType: 'bigint' },
];

const DELIVERED: readonly BoundColumn[] = [
  { name: 'id', postgresType: 'varchar' },
  { name: 'finished_at', postgresType: 'timestamptz' },
];

const NOTIFICATIONS_FIELDS = NOTIFICATIONS.columns.map((column) => column.field);
const NOTIFICATION_COLUMNS = NOTIFICATIONS.columns.map((column) => column.name).join(', ');

/** Subscriptions' filters, compiled once per version of each (RE2 patterns are not cheap). */
const FILTERS_KEPT = 256;

/**
 * The database side of delivery: fanning the outbox out to subscriptions (`FOR UPDATE SKIP
 * LOCKED` on PostgreSQL, so that processes never take the same outbox rows), claiming work with
 * a lease, and recording how attempts ended. One alert's notifications to one subscription are claimed in
 * sequence order: none while an earlier one is still pending. The worker's own writes are
 * redoable (`WriteQueue.runRedoable`): lost to a power failure, they are done again, and at
 * worst a notification goes twice, which its id lets a receiver drop.
 */
@Injectable()
export class NotificationQueue {
  private readonly sql: SqlDialect;
  private readonly filters = new CompiledCache<EventPredicate[]>(FILTERS_KEPT);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly subscriptions: SubscriptionsService,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Turns outbox rows into notifications of the subscriptions that want them, and deletes the
   * rows, in one transaction. A row is taken only when no earlier row of its alert is left (or
   * held by another process), so that sequences are fanned out in order. The notifications are
   * copied from the outbox rows by the database: a snapshot is read here only for a
   * subscription with a filter. Returns the rows it looked at: `FAN_OUT_BATCH` of them means
   * more may be waiting.
   */
  fanOut(now: Date): Promise<number> {
    return this.writes.runRedoable(() =>
      this.dataSource.transaction(async (manager) => {
        const query = this.statementsOf(manager);
        // The oldest rows, then the first row of each of their alerts, as `claim` does: a query
        // that asked "first of its alert" per row scanned the whole outbox and sorted it (9 ms
        // at 3 000 rows on PostgreSQL). A row another process holds still counts as its
        // alert's first: the later ones wait for it.
        const rows = await query(
          `SELECT id, alert_id, channel_id, transition FROM notification_outbox
           ORDER BY id LIMIT ?${this.sql.postgres ? ' FOR UPDATE SKIP LOCKED' : ''}`,
          [FAN_OUT_BATCH],
        );
        if (rows.length === 0) return 0;
        const scanned: OutboxEntry[] = this.sql
          .decode(NOTIFICATION_OUTBOX, ['id', 'alertId', 'channelId', 'transition'], rows)
          .map((row) => ({ ...row, id: Number(row.id) }));
        const firsts = await query(
          `SELECT alert_id, MIN(id) AS first FROM notification_outbox
           WHERE ${this.sql.isIn('alert_id', 'integer')} GROUP BY alert_id`,
          [this.sql.list([...new Set(scanned.map((entry) => entry.alertId))])],
        );
        const firstOf = new Map(firsts.map((row) => [Number(row.alert_id), Number(row.first)]));
        const entries = scanned.filter((entry) => firstOf.get(entry.alertId) === entry.id);
        if (entries.length === 0) return scanned.length;
        const subscriptions = await this.subscriptions.ofChannels(
          entries.map((entry) => entry.channelId),
        );
        await this.readFilteredSnapshots(query, entries, subscriptions);
        const pairs = entries.flatMap((entry) =>
          subscriptions
            .filter(
              (subscription) =>
                subscription.channelId === entry.channelId && this.wants(subscription, entry),
            )
            .map((subscription) => [timeOrderedUuid(), subscription.id, entry.id]),
        );
        if (pairs.length > 0) {
          await query(
            `INSERT INTO notifications (${NOTIFICATION_COLUMNS})
             SELECT bound.id, bound.subscription_id, entry.alert_id, entry.id, entry.transition,
               entry.severity, entry.occurred_at, entry.snapshot, 'pending', 0, ?, NULL, ?, NULL, NULL
             FROM ${this.sql.rows(NEW_NOTIFICATION)}
             JOIN notification_outbox entry ON entry.id = bound.outbox_id`,
            [this.sql.time(now), this.sql.time(now), this.sql.rowsValue(NEW_NOTIFICATION, pairs)],
          );
        }
        await query(`DELETE FROM notification_outbox WHERE ${this.sql.isIn('id', 'bigint')}`, [
          this.sql.list(entries.map((entry) => entry.id)),
        ]);
        return scanned.length;
      }),
    );
  }

  /** Does the subscription want this outbox row's transition, by kind and filter? */
  private wants(subscription: NotificationSubscription, entry: OutboxEntry): boolean {
    if (!subscription.transitions.includes(entry.transition)) return false;
    if (subscription.filter.length === 0) return true;
    const { snapshot } = entry;
    if (snapshot === undefined)
      throw new Error(`outbox row ${entry.id} was read without its snapshot`);
    const subject = {
      labels: snapshot.labels,
      title: snapshot.title,
      description: snapshot.description,
      severity: snapshot.severity,
      status: entry.transition === 'alert.resolved' ? ('resolved' as const) : ('firing' as const),
    };
    const conditions = this.filters.get(subscription.id, subscription.version, () =>
      subscription.filter.map(compileCondition),
    );
    return conditions.every((condition) => condition(subject));
  }

  /** Runs hand-written statements (`?` placeholders) in `manager`'s transaction: their rows. */
  private statementsOf(manager: EntityManager): Statements {
    const runner = manager.queryRunner;
    if (runner === undefined) throw new Error('statements run in a transaction');
    return async (text, parameters) => {
      const result = (await runner.query(this.sql.sql(text), parameters, true)) as {
        records?: Record<string, unknown>[];
      };
      return result.records ?? [];
    };
  }

  private async readFilteredSnapshots(
    query: Statements,
    entries: OutboxEntry[],
    subscriptions: readonly NotificationSubscription[],
  ): Promise<void> {
    const filtered = new Set(
      subscriptions
        .filter((subscription) => subscription.filter.length > 0)
        .map((subscription) => subscription.channelId),
    );
    const needed = entries.filter((entry) => filtered.has(entry.channelId));
    if (needed.length === 0) return;
    const rows = await query(
      `SELECT id, snapshot FROM notification_outbox WHERE ${this.sql.isIn('id', 'bigint')}`,
      [this.sql.list(needed.map((entry) => entry.id))],
    );
    const snapshots = new Map(
      this.sql
        .decode(NOTIFICATION_OUTBOX, ['id', 'snapshot'], rows)
        .map((row) => [Number(row.id), row.snapshot]),
    );
    for (const entry of needed) entry.snapshot = snapshots.get(entry.id);
  }

  /**
   * Per subscription: notifications pending, held by a worker or not, and how many are due, each
   * counted up to `countedAtMost`. Read from the partial indexes of pending rows alone (the due
   * ones are a range of `notifications_pending`): counting only the unheld ones would read every
   * pending row, and an index with the lease in it would be rewritten by every claim. Bounded,
   * so that the backlog of a receiver failing for hours costs a run no more than a bounded
   * number of index entries.
   */
  async waiting(now: Date, countedAtMost: number): Promise<WaitingWork[]> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      this.sql.sql(
        `SELECT s.id AS subscription_id,
           (SELECT COUNT(*) FROM (SELECT 1 AS one FROM notifications n
              WHERE n.subscription_id = s.id AND n.state = 'pending' LIMIT ?) counted) AS waiting,
           (SELECT COUNT(*) FROM (SELECT 1 AS one FROM notifications n
              WHERE n.subscription_id = s.id AND n.state = 'pending' AND n.next_attempt_at <= ?
              LIMIT ?) counted) AS due
         FROM notification_subscriptions s`,
      ),
      [countedAtMost, this.sql.time(now), countedAtMost],
    );
    return rows
      .map((row) => ({
        subscriptionId: String(row.subscription_id),
        waiting: Number(row.waiting),
        due: Number(row.due),
      }))
      .filter((work) => work.waiting > 0);
  }

  /**
   * Takes up to `limit` of a subscription's notifications until `leaseUntil`, those due first
   * (`notifications_pending` is in due order, then sequence). One by one (`digest` false): only
   * due ones, each the earliest pending of its alert. For a digest: every pending one, due or
   * not, unless an earlier one of its alert is held by a worker or was left out of this claim
   * (a retry due later than the alert's newer notifications): the digest lists an alert's
   * notifications in order itself, and never one without those before it.
   *
   * In three plain statements, because a query that decided "earliest of its alert" per row made
   * the planners pick badly, on young tables without statistics and on old ones with: the
   * subscription's unheld rows in due order, then the first pending and first held sequence of
   * just their alerts (`notifications_pending_alert`), then the lease on those that qualify. On
   * PostgreSQL the claims of one subscription take turns (an advisory lock until the
   * transaction ends), so two processes never split an alert.
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
        const query = this.statementsOf(manager);
        if (this.sql.postgres)
          await query('SELECT pg_advisory_xact_lock(hashtext(?))', [subscriptionId]);
        const nowValue = this.sql.time(now);
        const due = digest ? '' : 'AND n.next_attempt_at <= ?';
        const candidates: Candidate[] = this.sql.decode(
          NOTIFICATIONS,
          ['id', 'alertId', 'sequence', 'nextAttemptAt'],
          await query(
            `SELECT n.id, n.alert_id, n.sequence, n.next_attempt_at FROM notifications n
             WHERE n.subscription_id = ? AND n.state = 'pending'
               AND (n.claimed_until IS NULL OR n.claimed_until < ?) ${due}
             ORDER BY n.next_attempt_at, n.sequence LIMIT ?`,
            [
              subscriptionId,
              nowValue,
              ...(digest ? [] : [nowValue]),
              // One by one, an alert's later notifications are read but not taken.
              digest ? limit : limit * 2,
            ],
          ),
        );
        if (candidates.length === 0) return [];
        const heads = await this.alertHeads(query, subscriptionId, candidates, nowValue);
        const taken = candidates
          .filter((candidate) => {
            const head = heads.get(candidate.alertId);
            if (head === undefined) return false;
            return digest
              ? (head.firstHeld === null || head.firstHeld > candidate.sequence) &&
                  (head.firstLeftOut === null || head.firstLeftOut > candidate.sequence)
              : head.first === candidate.sequence;
          })
          .slice(0, limit);
        if (taken.length === 0) return [];
        const claimed = await query(
          `UPDATE notifications SET claimed_until = ?
           WHERE ${this.sql.isIn('id', 'varchar')} AND state = 'pending'
           RETURNING ${NOTIFICATION_COLUMNS}`,
          [this.sql.time(leaseUntil), this.sql.list(taken.map((candidate) => candidate.id))],
        );
        return this.sql
          .decode(NOTIFICATIONS, NOTIFICATIONS_FIELDS, claimed)
          .sort((a, b) => a.sequence - b.sequence);
      }),
    );
  }

  /**
   * Per alert of `candidates`: its first pending sequence, its first held one, and its first
   * pending one after the last candidate in due order (one the claim's limit left out). One
   * statement for all of them, not a probe per alert (a lateral join): on a table without
   * statistics yet, PostgreSQL answered each probe by reading all the subscription's pending
   * rows (138 ms a claim in the bench); this reads them at most once.
   */
  private async alertHeads(
    query: Statements,
    subscriptionId: string,
    candidates: readonly Candidate[],
    nowValue: unknown,
  ): Promise<Map<number, AlertHead>> {
    const last = candidates[candidates.length - 1];
    const lastDue = this.sql.time(last.nextAttemptAt);
    const rows = await query(
      `SELECT alert_id, MIN(sequence) AS first,
         MIN(CASE WHEN claimed_until >= ? THEN sequence END) AS first_held,
         MIN(CASE WHEN next_attempt_at > ? OR (next_attempt_at = ? AND sequence > ?)
           THEN sequence END) AS first_left_out
       FROM notifications
       WHERE subscription_id = ? AND state = 'pending' AND ${this.sql.isIn('alert_id', 'integer')}
       GROUP BY alert_id`,
      [
        nowValue,
        lastDue,
        lastDue,
        last.sequence,
        subscriptionId,
        this.sql.list([...new Set(candidates.map((candidate) => candidate.alertId))]),
      ],
    );
    const sequenceOrNull = (value: unknown) => (value === null ? null : Number(value));
    return new Map(
      rows.map((row) => [
        Number(row.alert_id),
        {
          first: Number(row.first),
          firstHeld: sequenceOrNull(row.first_held),
          firstLeftOut: sequenceOrNull(row.first_left_out),
        },
      ]),
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
        const delivered = attempts.filter(({ attempt }) => attempt.outcome === 'delivered');
        await this.settleDelivered(manager, delivered);
        for (const { notifications, attempt, plan } of attempts) {
          if (attempt.outcome !== 'delivered')
            await this.settleUndelivered(manager, notifications, attempt, plan);
        }
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

  /** Every notification the attempts delivered, in one statement however many there are. */
  private async settleDelivered(
    manager: EntityManager,
    attempts: readonly FinishedAttempt[],
  ): Promise<void> {
    const rows = attempts.flatMap(({ notifications, attempt }) =>
      notifications.map((notification) => [notification.id, this.sql.time(attempt.attemptedAt)]),
    );
    if (rows.length === 0) return;
    await this.statementsOf(manager)(
      `UPDATE notifications SET state = 'delivered', finished_at = bound.finished_at,
         claimed_until = NULL, last_error = NULL
       FROM ${this.sql.rows(DELIVERED)}
       WHERE notifications.id = bound.id`,
      [this.sql.rowsValue(DELIVERED, rows)],
    );
  }

  private async settleUndelivered(
    manager: EntityManager,
    notifications: readonly Notification[],
    attempt: AttemptRecord,
    plan: FailurePlan,
  ): Promise<void> {
    const ids = notifications.map((notification) => notification.id);
    if (ids.length === 0) return;
    const at = attempt.attemptedAt;
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
