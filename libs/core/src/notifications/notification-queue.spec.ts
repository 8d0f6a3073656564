import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Severity } from '@alert-hub/plugin-sdk';
import type { DataSource } from 'typeorm';
import { ChannelsService } from '../channels/channels.service.js';
import { WriteQueue } from '../storage/index.js';
import { DeliveryAttempt } from './delivery-attempt.entity.js';
import { sqliteMemoryDatabase } from '../testing/sqlite-memory-database.js';
import { insertSubscription } from '../testing/subscription-row.js';
import type { Transition } from './alert-transition.js';
import { NotificationOutboxEntry } from './notification-outbox-entry.entity.js';
import { NotificationQueue } from './notification-queue.js';
import { Notification } from './notification.entity.js';
import { notificationId } from './notification-ids.js';
import { NotificationSubscription as SubscriptionEntity } from './notification-subscription.entity.js';

const NOW = new Date('2026-12-06T10:00:00.000Z');
const LEASE = new Date('2026-12-06T10:05:00.000Z');
const LATER = new Date('2026-12-06T11:00:00.000Z');

describe('NotificationQueue (SQLite)', () => {
  let dataSource: DataSource;
  let queue: NotificationQueue;
  let channelId: string;

  beforeEach(async () => {
    dataSource = await sqliteMemoryDatabase();
    const writes = new WriteQueue(dataSource);
    const channels = new ChannelsService(dataSource, writes);
    channelId = (await channels.create({ name: 'ops' })).id;
    queue = new NotificationQueue(dataSource, writes);
  });
  afterEach(() => dataSource.destroy());

  function subscribe(
    filter: SubscriptionEntity['filter'] = [],
    transitions: Transition[] = ['alert.triggered', 'alert.resolved'],
  ): Promise<string> {
    return insertSubscription(dataSource, channelId, { filter, transitions });
  }

  /** An outbox row of `alertId`, as a push writes it. */
  async function transition(
    alertId: number,
    kind: Transition,
    team = 'db',
    severity: Severity = 'Critical',
  ): Promise<void> {
    await dataSource.getRepository(NotificationOutboxEntry).insert({
      alertId,
      channelId,
      transition: kind,
      severity,
      occurredAt: NOW,
      snapshot: {
        alertId,
        channelId,
        integrationId: 'integration',
        pluginId: 'prometheus',
        alertKey: `key-${alertId}`,
        title: `alert ${alertId}`,
        description: '',
        severity: 'Critical',
        previousSeverity: null,
        labels: { team },
        startsAt: NOW.toISOString(),
        resolvedAt: null,
      },
    });
  }

  const subscription = (id: string) =>
    dataSource.getRepository(SubscriptionEntity).findOneByOrFail({ id });

  /** Queues what each subscription has not read of the log, two rows at a time. */
  async function fanOutAll(): Promise<void> {
    for (const each of await dataSource.getRepository(SubscriptionEntity).find())
      while ((await queue.queueFromLog(each, 2, NOW)) > 0);
  }

  const failed = (subscriptionId: string, notifications: Notification[]) => ({
    notifications,
    attempt: {
      subscriptionId,
      type: 'notification' as const,
      outcome: 'failed' as const,
      httpStatus: 503,
      latencyMs: 3,
      error: 'HTTP 503',
      attemptedAt: NOW,
    },
    plan: () => ({ dead: false, nextAttemptAt: LATER }),
  });

  const pending = (subscriptionId: string) =>
    dataSource
      .getRepository(Notification)
      .find({ where: { subscriptionId, state: 'pending' }, order: { sequence: 'ASC' } });

  it('reads the log past each cursor, what each subscription wants, and keeps the log', async () => {
    const everything = await subscribe();
    const dbOnly = await subscribe([{ field: 'labels.team', operator: 'equals', value: 'db' }]);
    await transition(1, 'alert.triggered', 'db');
    await transition(2, 'alert.triggered', 'web');
    await transition(2, 'alert.severity_changed', 'web');

    const all = await queue.readLog(await subscription(everything), 10, NOW);
    expect(all.read.map((entry) => entry.cursor)).toEqual([
      { key: 0, id: 1 },
      { key: 0, id: 2 },
      { key: 0, id: 3 },
    ]);
    expect(all.wanted.map((n) => [n.alertId, n.transition])).toEqual([
      [1, 'alert.triggered'],
      [2, 'alert.triggered'],
    ]);
    expect(all.wanted[0]).toMatchObject({
      id: notificationId(everything, 1),
      sequence: 1,
      attempts: 0,
      occurredAt: NOW,
      snapshot: { title: 'alert 1', labels: { team: 'db' } },
    });
    const filtered = await queue.readLog(await subscription(dbOnly), 10, NOW);
    expect(filtered.wanted.map((n) => n.alertId)).toEqual([1]);
    expect(await dataSource.getRepository(NotificationOutboxEntry).count()).toBe(3);
  });

  it('queues what it reads behind what waits, once, and moves the cursor past it', async () => {
    const subscriptionId = await subscribe();
    await transition(1, 'alert.triggered');
    await transition(1, 'alert.resolved');
    await transition(2, 'alert.triggered');
    const each = await subscription(subscriptionId);
    expect(await queue.queueFromLog(each, 2, NOW)).toBe(2);
    expect(await queue.queueFromLog(each, 2, NOW)).toBe(1);
    expect(await queue.queueFromLog(each, 2, NOW)).toBe(0);
    const queued = await pending(subscriptionId);
    expect(queued.map((n) => [n.id, n.alertId, n.transition])).toEqual([
      [notificationId(subscriptionId, 1), 1, 'alert.triggered'],
      [notificationId(subscriptionId, 2), 1, 'alert.resolved'],
      [notificationId(subscriptionId, 3), 2, 'alert.triggered'],
    ]);
    expect(queued[0]).toMatchObject({ nextAttemptAt: NOW, createdAt: NOW, claimedUntil: null });
    expect((await queue.readLog(each, 10, NOW)).read).toEqual([]);
  });

  it('records attempts made from the log: the delivered keep nothing, the others wait', async () => {
    const subscriptionId = await subscribe();
    for (let alertId = 1; alertId <= 3; alertId++) await transition(alertId, 'alert.triggered');
    const each = await subscription(subscriptionId);
    const { read, wanted } = await queue.readLog(each, 10, NOW);
    const [one, two, three] = wanted;
    if (!one || !two || !three) throw new Error('three notifications were read');
    await queue.finishFromLog(
      subscriptionId,
      read[2]?.cursor ?? { key: 0, id: 0 },
      [
        {
          ...failed(subscriptionId, [two]),
          attempt: {
            ...failed(subscriptionId, [two]).attempt,
            outcome: 'delivered' as const,
            error: null,
          },
        },
        failed(subscriptionId, [one]),
      ],
      [three],
    );
    const waiting = await pending(subscriptionId);
    expect(waiting.map((n) => [n.alertId, n.attempts, n.nextAttemptAt, n.lastError])).toEqual([
      [1, 1, LATER, 'HTTP 503'],
      [3, 0, NOW, null],
    ]);
    const attempts = await dataSource.getRepository(DeliveryAttempt).find({ order: { id: 'ASC' } });
    expect(attempts.map((a) => [a.outcome, a.notificationIds])).toEqual([
      ['delivered', [two.id]],
      ['failed', [one.id]],
    ]);
    expect((await queue.readLog(each, 10, NOW)).read).toEqual([]);
    // Recorded again (a process that lost its lease finishing late), nothing moves back or doubles.
    await queue.finishFromLog(subscriptionId, { key: 0, id: 1 }, [], [three]);
    expect(await pending(subscriptionId)).toHaveLength(2);
    expect((await queue.readLog(each, 10, NOW)).read).toEqual([]);
    // With notifications waiting, nothing is read to be sent: it queues behind them.
    await transition(1, 'alert.resolved');
    expect((await queue.readLog(each, 10, NOW)).read).toEqual([]);
    expect(await queue.queueFromLog(each, 10, NOW)).toBe(1);
    expect((await pending(subscriptionId)).map((n) => [n.alertId, n.transition])).toEqual([
      [1, 'alert.triggered'],
      [3, 'alert.triggered'],
      [1, 'alert.resolved'],
    ]);
  });

  it('keeps an error as long as its column takes, however long a destination says it', async () => {
    const subscriptionId = await subscribe();
    await transition(1, 'alert.triggered');
    const { read, wanted } = await queue.readLog(await subscription(subscriptionId), 10, NOW);
    const attempt = failed(subscriptionId, wanted);
    const error = 'x'.repeat(5000);
    await queue.finishFromLog(
      subscriptionId,
      read[0]?.cursor ?? { key: 0, id: 0 },
      [{ ...attempt, attempt: { ...attempt.attempt, error } }],
      [],
    );
    const [waiting] = await pending(subscriptionId);
    expect(waiting?.lastError).toBe(error.slice(0, 1000));
  });

  it('replays a notification delivered from the log, from its log row', async () => {
    const subscriptionId = await subscribe();
    await transition(1, 'alert.triggered');
    const id = notificationId(subscriptionId, 1);
    expect(await queue.replay(subscriptionId, [id, notificationId(subscriptionId, 99)], NOW)).toBe(
      1,
    );
    expect((await pending(subscriptionId)).map((n) => [n.id, n.transition])).toEqual([
      [id, 'alert.triggered'],
    ]);
    // Pending already: a second replay leaves it as it is.
    expect(await queue.replay(subscriptionId, [id], NOW)).toBe(0);
  });

  it('claims one by one only the earliest pending notification of each alert, and never a held one', async () => {
    const subscriptionId = await subscribe();
    await transition(1, 'alert.triggered');
    await transition(2, 'alert.triggered');
    await transition(1, 'alert.resolved');
    await transition(3, 'alert.triggered');
    await fanOutAll();

    const first = await queue.claim(subscriptionId, 10, NOW, LEASE, false);
    expect(first.map((n) => [n.alertId, n.transition])).toEqual([
      [1, 'alert.triggered'],
      [2, 'alert.triggered'],
      [3, 'alert.triggered'],
    ]);
    expect(first[0]).toMatchObject({ claimedUntil: LEASE, snapshot: { title: 'alert 1' } });
    // Alert 1's resolve waits while its trigger is held, and nothing else is left.
    expect(await queue.claim(subscriptionId, 10, NOW, LEASE, false)).toEqual([]);

    await queue.finish([
      {
        notifications: first,
        attempt: {
          subscriptionId,
          type: 'notification',
          outcome: 'delivered',
          httpStatus: 200,
          latencyMs: 3,
          error: null,
          attemptedAt: NOW,
        },
        plan: () => ({ dead: false, nextAttemptAt: NOW }),
      },
    ]);
    const next = await queue.claim(subscriptionId, 10, NOW, LEASE, false);
    expect(next.map((n) => [n.alertId, n.transition])).toEqual([[1, 'alert.resolved']]);
    const delivered = await dataSource
      .getRepository(Notification)
      .findBy({ subscriptionId, state: 'delivered' });
    expect(delivered.map((n) => [n.alertId, n.finishedAt, n.claimedUntil])).toEqual(
      expect.arrayContaining([
        [1, NOW, null],
        [2, NOW, null],
        [3, NOW, null],
      ]),
    );
  });

  it('claims for a digest every pending notification in order, leaving out alerts another claim holds earlier', async () => {
    const subscriptionId = await subscribe();
    await transition(1, 'alert.triggered');
    await transition(2, 'alert.triggered');
    await fanOutAll();
    const held = await queue.claim(subscriptionId, 1, NOW, LEASE, true);
    expect(held.map((n) => n.alertId)).toEqual([1]);
    await transition(1, 'alert.resolved');
    await transition(2, 'alert.resolved');
    await fanOutAll();

    const digest = await queue.claim(subscriptionId, 200, NOW, LEASE, true);
    expect(digest.map((n) => [n.alertId, n.transition])).toEqual([
      [2, 'alert.triggered'],
      [2, 'alert.resolved'],
    ]);
  });

  it('tells every change of an alert, even one it made before', async () => {
    const subscriptionId = await subscribe(
      [],
      ['alert.triggered', 'alert.severity_changed', 'alert.resolved'],
    );
    await transition(1, 'alert.triggered', 'db', 'Warning');
    await transition(1, 'alert.severity_changed', 'db', 'Critical');
    await transition(1, 'alert.severity_changed', 'db', 'Warning');
    await transition(1, 'alert.severity_changed', 'db', 'Critical');
    await fanOutAll();
    expect((await pending(subscriptionId)).map((n) => [n.transition, n.severity])).toEqual([
      ['alert.triggered', 'Warning'],
      ['alert.severity_changed', 'Critical'],
      ['alert.severity_changed', 'Warning'],
      ['alert.severity_changed', 'Critical'],
    ]);
  });

  /** Puts the notifications of `alertId` in backoff: due at `at`. */
  async function retryAt(subscriptionId: string, alertId: number, at: Date): Promise<void> {
    await dataSource
      .getRepository(Notification)
      .update({ subscriptionId, alertId }, { nextAttemptAt: at, attempts: 1 });
  }

  it('counts what is pending and due per subscription, up to a bound', async () => {
    const busy = await subscribe();
    const idle = await subscribe([{ field: 'labels.team', operator: 'equals', value: 'web' }]);
    for (let alertId = 1; alertId <= 5; alertId++) await transition(alertId, 'alert.triggered');
    await fanOutAll();
    await retryAt(busy, 1, LATER);
    await retryAt(busy, 2, LATER);

    expect(await queue.waiting(NOW, 100)).toEqual([
      { subscriptionId: busy, waiting: 5, due: 3, logged: 0 },
    ]);
    expect(await queue.waiting(NOW, 2)).toEqual([
      { subscriptionId: busy, waiting: 2, due: 2, logged: 0 },
    ]);
    expect(await queue.waiting(LATER, 100)).toEqual([
      { subscriptionId: busy, waiting: 5, due: 5, logged: 0 },
    ]);
    expect((await queue.waiting(NOW, 100)).map((work) => work.subscriptionId)).not.toContain(idle);
    // Rows it has not read count as logged, whether it will want them or not.
    await transition(6, 'alert.triggered');
    await transition(7, 'alert.triggered');
    expect(await queue.waiting(NOW, 100)).toEqual([
      { subscriptionId: busy, waiting: 5, due: 3, logged: 2 },
      { subscriptionId: idle, waiting: 0, due: 0, logged: 2 },
    ]);
  });

  it('claims one by one the due notifications first, passing over a backlog in retry', async () => {
    const subscriptionId = await subscribe();
    for (let alertId = 1; alertId <= 4; alertId++) await transition(alertId, 'alert.triggered');
    await fanOutAll();
    await retryAt(subscriptionId, 1, LATER);
    await retryAt(subscriptionId, 2, LATER);

    const claimed = await queue.claim(subscriptionId, 1, NOW, LEASE, false);
    expect(claimed.map((n) => n.alertId)).toEqual([3]);
    expect(
      (await queue.claim(subscriptionId, 10, NOW, LEASE, false)).map((n) => n.alertId),
    ).toEqual([4]);
  });

  it('never puts a notification in a digest without the earlier ones of its alert', async () => {
    const subscriptionId = await subscribe();
    await transition(1, 'alert.triggered');
    await transition(2, 'alert.triggered');
    await fanOutAll();
    // Alert 1's trigger failed and waits for its retry; its resolve, queued after, is due now.
    await retryAt(subscriptionId, 1, LATER);
    await transition(1, 'alert.resolved');
    await transition(2, 'alert.resolved');
    await fanOutAll();

    // Due order: 2's trigger, 1's resolve, 2's resolve, then 1's trigger. A limit of 3 leaves
    // 1's trigger out, so 1's resolve must wait for a digest that holds both.
    const digest = await queue.claim(subscriptionId, 3, NOW, LEASE, true);
    expect(digest.map((n) => [n.alertId, n.transition])).toEqual([
      [2, 'alert.triggered'],
      [2, 'alert.resolved'],
    ]);
    const next = await queue.claim(subscriptionId, 200, NOW, LEASE, true);
    expect(next.map((n) => [n.alertId, n.transition])).toEqual([
      [1, 'alert.triggered'],
      [1, 'alert.resolved'],
    ]);
  });
});
