import { describe, expect, it } from '@jest/globals';
import { DataSource, type QueryRunner } from 'typeorm';
import { NotificationQueue } from '../libs/core/src/notifications/notification-queue.js';
import { NotificationSubscription } from '../libs/core/src/notifications/notification-subscription.entity.js';
import { insertSubscription } from '../libs/core/src/testing/subscription-row.js';
import { appWithIntegration } from './support/app-with-integration.js';
import { NOTIFY_TEST_ENV } from './support/notification-env.js';
import { TEST_DATABASE } from './support/test-database.js';

/**
 * The log is read by a cursor, and transactions commit in any order: a reader must never move
 * past a row that a transaction still running will make visible before it, nor read an alert's
 * later transition before its earlier one. On PostgreSQL the test holds transactions open in
 * the order that would break a reader going by ids or by the writers' transaction ids alone;
 * SQLite has one writer, and the same writes come in the only order it allows.
 */
describe('the log of transitions, read while transactions commit out of order', () => {
  const suite = appWithIntegration({ env: { ...NOTIFY_TEST_ENV, NOTIFY_POLL_MS: '60000' } });
  const postgres = TEST_DATABASE === 'postgres';
  const channelOf = () => {
    const { channelId } = suite.integration;
    if (channelId === null) throw new Error('a private integration has its channel');
    return channelId;
  };

  async function begin(): Promise<QueryRunner> {
    const runner = suite.t.app.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    return runner;
  }

  /** A transaction's id, taken now: what a writer that started earlier holds. */
  const takeTransactionId = (runner: QueryRunner) =>
    runner.query(postgres ? 'SELECT pg_current_xact_id()' : 'SELECT 1');

  async function logTransition(
    runner: QueryRunner,
    alertId: number,
    transition: string,
  ): Promise<void> {
    await runner.query(
      postgres
        ? `INSERT INTO notification_outbox (alert_id, channel_id, transition, severity, occurred_at, snapshot)
           VALUES ($1, $2, $3, 'Critical', now(), '{}')`
        : `INSERT INTO notification_outbox (alert_id, channel_id, transition, severity, occurred_at, snapshot)
           VALUES (?, ?, ?, 'Critical', '2026-12-07 09:00:00.000', '{}')`,
      [alertId, channelOf(), transition],
    );
  }

  async function read() {
    const channelId = channelOf();
    const subscription = await suite.t.app
      .get(DataSource)
      .getRepository(NotificationSubscription)
      .findOneByOrFail({ channelId });
    const { read } = await suite.t.app
      .get(NotificationQueue)
      .readLog(subscription, 100, new Date());
    return read.map((entry) => [entry.alertId, entry.transition]);
  }

  it("gives an alert's transitions in order, and only once no earlier writer can add one", async () => {
    await insertSubscription(suite.t.app.get(DataSource), channelOf(), {
      transitions: ['alert.triggered', 'alert.resolved'],
    });
    if (!postgres) {
      // One writer: the trigger commits, then the resolve.
      const trigger = await begin();
      await logTransition(trigger, 7, 'alert.triggered');
      await trigger.commitTransaction();
      await trigger.release();
      const resolve = await begin();
      await logTransition(resolve, 7, 'alert.resolved');
      await resolve.commitTransaction();
      await resolve.release();
    } else {
      // The resolve's writer takes its transaction id first, an unrelated writer second, the
      // trigger's writer last; the trigger commits, then the resolve, the unrelated one runs on.
      const resolve = await begin();
      await takeTransactionId(resolve);
      const unrelated = await begin();
      await takeTransactionId(unrelated);
      const trigger = await begin();
      await logTransition(trigger, 7, 'alert.triggered');
      await trigger.commitTransaction();
      await logTransition(resolve, 7, 'alert.resolved');
      await resolve.commitTransaction();
      // By its own transaction id the resolve is older than the unrelated writer, which may yet
      // commit rows before it; its key is the trigger's, so it is not read before the trigger.
      expect(await read()).toEqual([]);
      await unrelated.commitTransaction();
      await Promise.all([resolve.release(), unrelated.release(), trigger.release()]);
    }
    expect(await read()).toEqual([
      [7, 'alert.triggered'],
      [7, 'alert.resolved'],
    ]);
  });
});
