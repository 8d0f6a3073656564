import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { StorageModule } from '../storage/index.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryMonitor } from './delivery-monitor.js';
import { DeliveryWorker } from './delivery-worker.js';
import { NotificationQueue } from './notification-queue.js';
import { NotificationSender } from './notification-sender.js';
import { NotificationTrials } from './notification-trials.js';
import { OutboxContributor } from './outbox-contributor.js';
import { SubscribedChannels } from './subscribed-channels.js';
import { SubscriptionLeases } from './subscription-leases.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Channel subscriptions, the outbox, its delivery worker and the delivery log. */
@Module({
  imports: [ChannelsModule, StorageModule, OutboundModule],
  providers: [
    SubscriptionsService,
    NotificationQueue,
    NotificationSender,
    DeliveryWorker,
    DeliveryMonitor,
    DeliveriesService,
    NotificationTrials,
    OutboxContributor,
    SubscribedChannels,
    SubscriptionLeases,
  ],
  controllers: [SubscriptionsController],
  exports: [DeliveryMonitor, NotificationQueue],
})
export class NotificationsModule {}
