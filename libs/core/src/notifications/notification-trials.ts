import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/api-error.js';
import { Alert } from '../events/alert.entity.js';
import { snapshotOf } from './alert-transitions-between.js';
import { deliveryView, type RenderedMessageView, type TestDeliveryView } from './delivery.view.js';
import type { PreviewNotificationDto } from './dto/preview-notification.dto.js';
import type { OutgoingMessage } from './kinds/destination-kind.js';
import { NotificationQueue } from './notification-queue.js';
import { NotificationSender } from './notification-sender.js';
import type { NotificationSubscription } from './notification-subscription.entity.js';
import { DeliveryMonitor } from './delivery-monitor.js';

/** A preview's stand-in id: it is no notification, and the receiver never sees it. */
const PREVIEW_ID = '00000000-0000-0000-0000-000000000000';

/** What an admin tries before relying on a subscription: a test send, a preview. */
@Injectable()
export class NotificationTrials {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sender: NotificationSender,
    private readonly queue: NotificationQueue,
    private readonly monitor: DeliveryMonitor,
  ) {}

  /** Sends a test message now, outside the queue, and logs the attempt. */
  async test(subscription: NotificationSubscription): Promise<TestDeliveryView> {
    const message = this.sender.testMessage(subscription);
    const result = await this.sender.send(subscription, message);
    const attempt = await this.queue.logTest({
      subscriptionId: subscription.id,
      type: 'test',
      outcome: result.verdict.outcome,
      httpStatus: result.httpStatus,
      latencyMs: result.latencyMs,
      error: result.verdict.outcome === 'delivered' ? null : result.verdict.reason,
      attemptedAt: new Date(),
    });
    this.monitor.deliveries.next({
      kind: subscription.kind,
      outcome: result.verdict.outcome,
      notifications: 0,
    });
    return { ...deliveryView(attempt), message: this.rendered(subscription, message) };
  }

  /** A stored alert of the subscription's channel through its template; nothing is sent. */
  async preview(
    subscription: NotificationSubscription,
    dto: PreviewNotificationDto,
  ): Promise<RenderedMessageView> {
    const alert = await this.dataSource
      .getRepository(Alert)
      .findOneBy({ id: dto.alertId, channelId: subscription.channelId });
    if (!alert) throw new NotFoundError('alert of this channel', String(dto.alertId));
    const transition =
      dto.transition ?? (alert.status === 'resolved' ? 'alert.resolved' : 'alert.triggered');
    const message = this.sender.message(subscription, [
      {
        id: PREVIEW_ID,
        sequence: 0,
        transition,
        occurredAt: alert.updatedAt,
        alert: snapshotOf(alert),
      },
    ]);
    return this.rendered(subscription, message);
  }

  private rendered(
    subscription: NotificationSubscription,
    message: OutgoingMessage,
  ): RenderedMessageView {
    const request = this.sender.request(subscription, message, new Date());
    return { title: message.title, text: message.text, body: request.body.toString('utf8') };
  }
}
