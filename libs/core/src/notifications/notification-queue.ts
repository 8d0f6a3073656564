import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CompiledCache } from '../common/compiled-cache.js';
import { compileCondition, type EventPredicate } from '../routing/route-condition.js';
import { SqlDialect, WriteQueue, type BoundColumn } from '../storage/index.js';
import { DeliveryAttempt } from './delivery-attempt.entity.js';
import { notificationId, logIdOf } from './notification-ids.js';
import {
  NotificationLog,
  statementsOf,
  type LogCursor,
  type LogEntry,
  type Statements,
} from './notification-log.js';
import type { NotificationSubscription } from './notification-subscription.entity.js';
import { Notification } from './notification.entity.js';
import { NOTIFICATIONS } from './notifications.table.js';

/**
 * A subscription's notifications waiting, and how many of them may be tried now: both count
 * those a worker holds (claimed, or in a request) too. `logged`: the rows of the log it has not
 * read yet.
 */
export interface WaitingWork {
  subscriptionId: string;
  waiting: number;
  due: number;
  logged: number;
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

/** An attempt's error as the columns keep it (`varchar(1000)`): a bot's message may be longer. */
function lastErrorOf(attempt: AttemptRecord): string | null {
  return attempt.error?.slice(0, 1000) ?? null;
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
    error: lastErrorOf(attempt),
  };
}

/** A notification pending for a subscription, as a claim first looks at it. */
type Candidate = Pick<Notification, 'id' | 'alertId' | 'sequence' | 'nextAttemptAt'>;

/** What a notification read from the log needs to wait in `notifications`: the rest is the log row's. */
type WaitingRow = Pick<
  Notification,
  | 'id'
  | 'subscriptionId'
  | 'sequence'
  | 'state'
  | 'attempts'
  | 'nextAttemptAt'
  | 'createdAt'
  | 'finishedAt'
  | 'lastError'
>;

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
  { name: 'state', postgresType: 'varchar' },
  { name: 'attempts', postgresType: 'integer' },
  { name: 'next_attempt_at', postgresType: 'timestamptz' },
  { name: 'created_at', postgresType: 'timestamptz' },
  { name: 'finished_at', postgresType: 'timestamptz' },
  { name: 'last_error', postgresType: 'varchar' },
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
 * The database side of delivery. A subscription reads the log of transitions from its cursor
 * (`NotificationLog`); what it sends from there and is delivered at the first attempt leaves
 * only its attempt in the delivery log. A notification that must wait (its attempt failed or
 * was rate-limited, or the subscription has notifications waiting already, which go first) gets
 * a row in `notifications`, in the transaction that moves the cursor past it; those rows are
 * claimed with a lease and settled as attempts end. One alert's notifications to one
 * subscription are claimed in sequence order: none while an earlier one is still pending. The
 * worker's own writes are redoable (`WriteQueue.runRedoable`): lost to a power failure, they are
 * done again, and at worst a notification goes twice, which its id lets a receiver drop.
 */
@Injectable()
export class NotificationQueue {
  private readonly sql: SqlDialect;
  private readonly log: NotificationLog;
  private readonly filters = new CompiledCache<EventPredicate[]>(FILTERS_KEPT);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {
    this.sql = new SqlDialect(dataSource);
    this.log = new NotificationLog(this.sql);
  }

  /**
   * The log rows the subscription has not read yet, up to `limit`, with the notifications of
   * those it wants (by transition and filter), to send: none while it has a notification waiting
   * (they queue behind it, `queueFromLog`). The cursor is moved past all of them, wanted or not,
   * by `finishFromLog`.
   */
  async readLog(
    subscription: NotificationSubscription,
    limit: number,
    now: Date,
  ): Promise<{ read: LogEntry[]; wanted: Notification[] }> {
    const read = await this.log.read(this.statementsOf(), subscription.id, limit, true);
    return { read, wanted: this.wantedOf(subscription, read, now) };
  }

  /**
   * For a subscription with notifications waiting: the log rows it has not read yet (up to
   * `limit`) become waiting notifications behind them, in the transaction that moves its cursor
   * past them. Returns how many rows were read.
   */
  queueFromLog(subscription: NotificationSubscription, limit: number, now: Date): Promise<number> {
    return this.writes.runRedoable(() =>
      this.dataSource.transaction(async (manager) => {
        const query = this.statementsOf(manager);
        const read = await this.log.read(query, subscription.id, limit);
        const last = read.at(-1);
        if (last === undefined) return 0;
        await this.insertWaiting(query, this.wantedOf(subscription, read, now));
        await this.log.advance(query, subscription.id, last.cursor);
        return read.length;
      }),
    );
  }

  /**
   * Records the attempts made of notifications read from the log, and moves the subscription's
   * cursor to `cursor`, in one transaction: those delivered keep nothing but their attempt, the
   * others wait in `notifications` (as `plan` says for a failure, due at once when rate-limited),
   * as do those `unsent` (the destination rate-limited before their turn).
   */
  finishFromLog(
    subscriptionId: string,
    cursor: LogCursor,
    attempts: readonly FinishedAttempt[],
    unsent: readonly Notification[],
  ): Promise<void> {
    return this.writes.runRedoable(() =>
      this.dataSource.transaction(async (manager) => {
        const query = this.statementsOf(manager);
        const waiting = attempts.flatMap(({ notifications, attempt, plan }) => {
          if (attempt.outcome === 'delivered') return [];
          return notifications.map((notification) => {
            const lastError = lastErrorOf(attempt);
            if (attempt.outcome === 'rate_limited') return { ...notification, lastError };
            const attempted = { ...notification, attempts: notification.attempts + 1 };
            const { dead, nextAttemptAt } = plan(attempted);
            return {
              ...attempted,
              nextAttemptAt,
              lastError,
              ...(dead ? { state: 'dead' as const, finishedAt: attempt.attemptedAt } : {}),
            };
          });
        });
        await this.insertWaiting(query, [...waiting, ...unsent]);
        if (attempts.length > 0)
          await manager.insert(
            DeliveryAttempt,
            attempts.map(({ notifications, attempt }) => deliveryLogRow(notifications, attempt)),
          );
        await this.log.advance(query, subscriptionId, cursor);
      }),
    );
  }

  /** The notifications of the log rows the subscription wants, as they would wait. */
  private wantedOf(
    subscription: NotificationSubscription,
    read: readonly LogEntry[],
    now: Date,
  ): Notification[] {
    return read
      .filter((entry) => this.wants(subscription, entry))
      .map((entry) => ({
        id: notificationId(subscription.id, entry.id),
        subscriptionId: subscription.id,
        alertId: entry.alertId,
        sequence: entry.id,
        transition: entry.transition,
        severity: entry.severity,
        occurredAt: entry.occurredAt,
        snapshot: entry.snapshot,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        claimedUntil: null,
        createdAt: now,
        finishedAt: null,
        lastError: null,
      }));
  }

  /**
   * Inserts notifications read from the log: their transition is copied from the log row by the
   * database. One that has a row already (another process wrote it first) is left as it is.
   */
  private async insertWaiting(
    query: Statements,
    notifications: readonly WaitingRow[],
  ): Promise<number> {
    if (notifications.length === 0) return 0;
    const time = (date: Date | null) => (date === null ? null : this.sql.time(date));
    const inserted = await query(
      `INSERT INTO notifications (${NOTIFICATION_COLUMNS})
       SELECT bound.id, bound.subscription_id, entry.alert_id, entry.id, entry.transition,
         entry.severity, entry.occurred_at, entry.snapshot, bound.state, bound.attempts,
         bound.next_attempt_at, NULL, bound.created_at, bound.finished_at, bound.last_error
       FROM ${this.sql.rows(NEW_NOTIFICATION)}
       JOIN notification_outbox entry ON entry.id = bound.outbox_id
       WHERE true
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        this.sql.rowsValue(
          NEW_NOTIFICATION,
          notifications.map((n) => [
            n.id,
            n.subscriptionId,
            n.sequence,
            n.state,
            n.attempts,
            time(n.nextAttemptAt),
            time(n.createdAt),
            time(n.finishedAt),
            n.lastError,
          ]),
        ),
      ],
    );
    return inserted.length;
  }

  /** Does the subscription want this log row's transition, by kind and filter? */
  private wants(subscription: NotificationSubscription, entry: LogEntry): boolean {
    if (!subscription.transitions.includes(entry.transition)) return false;
    if (subscription.filter.length === 0) return true;
    const { snapshot } = entry;
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

  private statementsOf(manager?: EntityManager): Statements {
    return statementsOf(this.sql, this.dataSource, manager);
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
              LIMIT ?) counted) AS due,
           (SELECT COUNT(*) FROM (SELECT 1 AS one FROM notification_outbox o
              WHERE o.channel_id = s.channel_id AND ${this.log.pastCursor('o', 's')}
              LIMIT ?) counted) AS logged
         FROM notification_subscriptions s`,
      ),
      [countedAtMost, this.sql.time(now), countedAtMost, countedAtMost],
    );
    return rows
      .map((row) => ({
        subscriptionId: String(row.subscription_id),
        waiting: Number(row.waiting),
        due: Number(row.due),
        logged: Number(row.logged),
      }))
      .filter((work) => work.waiting > 0 || work.logged > 0);
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
  async replay(subscriptionId: string, ids: readonly string[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    return this.writes.run(() =>
      this.dataSource.transaction(async (manager) => {
        const query = this.statementsOf(manager);
        const kept = await query(
          `SELECT id FROM notifications WHERE ${this.sql.isIn('id', 'varchar')}`,
          [this.sql.list(ids)],
        );
        const result = await manager
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
          .execute();
        // Delivered at their first attempt, they kept no row: made again from the log.
        const keptIds = new Set(kept.map((row) => String(row.id)));
        const fromLog = ids.flatMap((id) => {
          const logId = keptIds.has(id) ? undefined : logIdOf(subscriptionId, id);
          return logId === undefined ? [] : [{ id, logId }];
        });
        const queued = await this.insertWaiting(
          query,
          fromLog.map(({ id, logId }) => ({
            id,
            subscriptionId,
            sequence: logId,
            state: 'pending' as const,
            attempts: 0,
            nextAttemptAt: now,
            createdAt: now,
            finishedAt: null,
            lastError: null,
          })),
        );
        return (result.affected ?? 0) + queued;
      }),
    );
  }

  /** Notifications not yet delivered or dead, and log rows a subscription has not read yet. */
  async depth(): Promise<number> {
    const [pending, [unread]] = await Promise.all([
      // The state as a literal: only then may SQLite count with the partial pending indexes.
      this.dataSource.createQueryBuilder(Notification, 'n').where("n.state = 'pending'").getCount(),
      this.dataSource.query<Record<string, unknown>[]>(
        `SELECT COUNT(*) AS unread FROM notification_subscriptions s
         JOIN notification_outbox o ON o.channel_id = s.channel_id AND ${this.log.pastCursor('o', 's')}`,
      ),
    ]);
    return pending + Number(unread?.unread ?? 0);
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
        { claimedUntil: null, lastError: lastErrorOf(attempt) },
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
          lastError: lastErrorOf(attempt),
          ...(dead ? { state: 'dead' as const, finishedAt: at } : {}),
        },
      );
    }
  }
}
