import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/api-error.js';
import { decodeCursor, encodeCursor } from '../events/cursor.js';
import type { Page } from '../events/events-query.service.js';
import { DeliveryAttempt } from './delivery-attempt.entity.js';
import { deliveryView, type DeliveryView } from './delivery.view.js';
import type { ListDeliveriesQuery } from './dto/list-deliveries.query.js';
import { NotificationQueue } from './notification-queue.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** The delivery log of subscriptions, and replays from it. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionsService,
    private readonly queue: NotificationQueue,
  ) {}

  /** Attempts newest first, a page at a time. */
  async list(
    channelId: string,
    subscriptionId: string,
    query: ListDeliveriesQuery,
  ): Promise<Page<DeliveryView>> {
    await this.subscriptions.get(channelId, subscriptionId);
    const rows = this.dataSource
      .getRepository(DeliveryAttempt)
      .createQueryBuilder('attempt')
      .where('attempt.subscription_id = :subscriptionId', { subscriptionId })
      .orderBy('attempt.id', 'DESC')
      .limit(query.limit + 1);
    if (query.outcome !== undefined)
      rows.andWhere('attempt.outcome = :outcome', { outcome: query.outcome });
    if (query.since !== undefined)
      rows.andWhere('attempt.attempted_at >= :since', { since: query.since });
    if (query.cursor !== undefined)
      rows.andWhere('attempt.id < :before', { before: decodeCursor(query.cursor) });
    const found = await rows.getMany();
    const page = found.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map(deliveryView),
      nextCursor: found.length > query.limit && last !== undefined ? encodeCursor(last.id) : null,
    };
  }

  /**
   * Queues again the notifications an attempt carried, if they are dead or delivered (a
   * receiver drops what it already has, by id). Returns how many went back in the queue.
   */
  async replay(channelId: string, subscriptionId: string, deliveryId: number): Promise<number> {
    await this.subscriptions.get(channelId, subscriptionId);
    const attempt = await this.dataSource
      .getRepository(DeliveryAttempt)
      .findOneBy({ id: deliveryId, subscriptionId });
    if (!attempt) throw new NotFoundError('delivery', String(deliveryId));
    return this.queue.replay(subscriptionId, attempt.notificationIds, new Date());
  }
}
