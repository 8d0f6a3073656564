import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ChannelsService } from '../channels/channels.service.js';
import { WriteQueue } from '../storage/index.js';
import { sqliteMemoryDatabase } from '../testing/sqlite-memory-database.js';
import { insertSubscription } from '../testing/subscription-row.js';
import { DeliveryAttempt } from './delivery-attempt.entity.js';
import { NotificationSubscription } from './notification-subscription.entity.js';
import { SubscriptionLeases } from './subscription-leases.js';

const T0 = new Date('2026-12-07T10:00:00.000Z');

function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

describe('SubscriptionLeases (SQLite)', () => {
  let dataSource: DataSource;
  let leases: SubscriptionLeases;
  let channelId: string;

  beforeEach(async () => {
    dataSource = await sqliteMemoryDatabase();
    const writes = new WriteQueue(dataSource);
    channelId = (await new ChannelsService(dataSource, writes).create({ name: 'ops' })).id;
    leases = new SubscriptionLeases(dataSource, writes);
  });
  afterEach(() => dataSource.destroy());

  function subscribe(): Promise<string> {
    return insertSubscription(dataSource, channelId);
  }

  it('gives a subscription to one holder until its lease runs out', async () => {
    const [first, second] = [await subscribe(), await subscribe()];
    expect(await leases.hold('a', [first], at(0), at(60))).toEqual(new Set([first]));
    expect(await leases.hold('b', [first, second], at(30), at(90))).toEqual(new Set([second]));
    // Renewed by its holder, the lease holds the other off for longer.
    expect(await leases.hold('a', [first], at(50), at(110))).toEqual(new Set([first]));
    expect(await leases.hold('b', [first], at(100), at(160))).toEqual(new Set());
    expect(await leases.hold('b', [first], at(111), at(171))).toEqual(new Set([first]));
    expect(await leases.hold('a', [first], at(120), at(180))).toEqual(new Set());
  });

  it('lets another holder take the leases given back at once', async () => {
    const id = await subscribe();
    await leases.hold('a', [id], at(0), at(60));
    await leases.release('a');
    expect(await leases.hold('b', [id], at(1), at(61))).toEqual(new Set([id]));
    await leases.release('a');
    expect(await leases.hold('a', [id], at(2), at(62))).toEqual(new Set());
  });

  it('holds nothing for a subscription deleted meanwhile', async () => {
    const id = await subscribe();
    await leases.hold('a', [id], at(0), at(60));
    await dataSource.getRepository(NotificationSubscription).delete({ id });
    expect(await leases.hold('a', [id, randomUUID()], at(1), at(61))).toEqual(new Set());
    const [{ count }] = await dataSource.query<Array<{ count: number }>>(
      'SELECT COUNT(*) AS count FROM notification_subscription_leases',
    );
    expect(count).toBe(0);
  });

  it('reads the attempts of a window, oldest first, the latest `limit` of them', async () => {
    const [id, other] = [await subscribe(), await subscribe()];
    const attempt = (subscriptionId: string, seconds: number) => ({
      subscriptionId,
      kind: 'notification' as const,
      notificationIds: [],
      attemptedAt: at(seconds),
      outcome: 'delivered' as const,
      httpStatus: 200,
      latencyMs: 5,
      error: null,
    });
    await dataSource
      .getRepository(DeliveryAttempt)
      .insert([
        attempt(id, 0),
        attempt(id, 61),
        attempt(other, 62),
        attempt(id, 70),
        attempt(id, 80),
        attempt(id, 90),
      ]);
    expect(await leases.attemptTimes(id, at(60), 10)).toEqual(
      [61, 70, 80, 90].map((seconds) => at(seconds).getTime()),
    );
    expect(await leases.attemptTimes(id, at(60), 2)).toEqual(
      [80, 90].map((seconds) => at(seconds).getTime()),
    );
  });
});
