import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotificationSubscription } from '../notifications/notification-subscription.entity.js';

const AT = new Date('2026-12-06T10:00:00.000Z');

/**
 * Stores a webhook subscription of `channelId` straight into the table (no API, no validation),
 * with `fields` over the defaults; returns its id.
 */
export async function insertSubscription(
  dataSource: DataSource,
  channelId: string,
  fields: Partial<NotificationSubscription> = {},
): Promise<string> {
  const id = fields.id ?? randomUUID();
  await dataSource.getRepository(NotificationSubscription).insert({
    id,
    channelId,
    name: `receiver ${id.slice(0, 4)}`,
    kind: 'webhook',
    url: 'https://receiver.test/hook',
    secret: null,
    headers: null,
    transitions: ['alert.triggered', 'alert.resolved'],
    filter: [],
    template: null,
    ratePerMinute: 60,
    concurrency: 4,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  });
  return id;
}
