import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { SqlDialect, WriteQueue } from '../storage/index.js';
import { DeliveryAttempt } from './delivery-attempt.entity.js';

/**
 * Which server process delivers each subscription: one at a time, holding a lease it renews while
 * the subscription has work, so that a destination's rate and concurrency bounds hold across
 * processes. A process that stops gives its leases back; one that dies loses them when they run
 * out, and another takes the subscriptions over. Lease times are each process's clock, as the
 * notifications' own leases are.
 */
@Injectable()
export class SubscriptionLeases {
  private readonly sql: SqlDialect;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Takes or renews, for `holder`, the leases of those of `subscriptionIds` that no other holder
   * has until after `now`: returns the ids it holds until `until`. One statement, whatever the
   * number: a lease held by another process is left as it is (the upsert's condition), and a
   * subscription deleted meanwhile gets none.
   */
  async hold(
    holder: string,
    subscriptionIds: readonly string[],
    now: Date,
    until: Date,
  ): Promise<Set<string>> {
    if (subscriptionIds.length === 0) return new Set();
    const rows = await this.writes.runRedoable(() =>
      this.dataSource.query<Record<string, unknown>[]>(
        this.sql.sql(
          // `WHERE` in the SELECT: SQLite reads an upsert after a bare SELECT as a join's ON.
          `INSERT INTO notification_subscription_leases (subscription_id, held_by, held_until)
           SELECT s.id, ?, ? FROM notification_subscriptions s WHERE ${this.sql.isIn('s.id', 'varchar')}
           ON CONFLICT (subscription_id) DO UPDATE
             SET held_by = excluded.held_by, held_until = excluded.held_until
             WHERE notification_subscription_leases.held_by = excluded.held_by
               OR notification_subscription_leases.held_until < ?
           RETURNING subscription_id`,
        ),
        [holder, this.sql.time(until), this.sql.list(subscriptionIds), this.sql.time(now)],
      ),
    );
    return new Set(rows.map((row) => String(row.subscription_id)));
  }

  /** Gives back every lease of `holder`: another process may take the subscriptions at once. */
  async release(holder: string): Promise<void> {
    await this.writes.runRedoable(() =>
      this.dataSource.query(
        this.sql.sql('DELETE FROM notification_subscription_leases WHERE held_by = ?'),
        [holder],
      ),
    );
  }

  /**
   * When a subscription's attempts after `since` were made, oldest first, at most `limit` of the
   * latest: what a process taking the subscription over counts against its rate bound.
   */
  async attemptTimes(subscriptionId: string, since: Date, limit: number): Promise<number[]> {
    const attempts = await this.dataSource.getRepository(DeliveryAttempt).find({
      select: { id: true, attemptedAt: true },
      where: { subscriptionId, attemptedAt: MoreThan(since) },
      // `notification_deliveries_window`: the window's attempts of this subscription, no others.
      order: { attemptedAt: 'DESC' },
      take: limit,
    });
    return attempts.map((attempt) => attempt.attemptedAt.getTime()).reverse();
  }
}
