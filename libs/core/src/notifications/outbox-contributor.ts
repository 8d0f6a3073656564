import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  PushBatchContributors,
  rowsOf,
  type ContributedRows,
  type PushBatchContributor,
  type Table,
  type WrittenPushBatch,
} from '../storage/index.js';
import { outboxRowsFor, type AlertTransition } from './alert-transition.js';
import { transitionsBetween } from './alert-transitions-between.js';
import { DeliveryWorker } from './delivery-worker.js';
import { NOTIFICATION_OUTBOX } from './notification-outbox.table.js';
import { SubscribedChannels } from './subscribed-channels.js';

/**
 * The transitions of a batch of pushes on channels `subscribed` says have subscriptions, as
 * outbox rows written in the batch's own transaction: a committed transition always has its row,
 * and a push answered 2xx has its notifications queued.
 * Each alert is compared with itself as the batch found it, so several pushes of one alert in
 * one batch are one change (a severity raised twice is one `severity_changed`, from the first
 * severity to the last). A transition happened when the alert says it changed (`updatedAt`: the
 * push's time, or the auto-resolve time that a push found passed).
 */
export function outboxRowsOf(batch: WrittenPushBatch, subscribed: (channelId: string) => boolean) {
  const transitions: AlertTransition[] = [...batch.changed, ...batch.opened]
    .filter((alert) => subscribed(alert.channelId))
    .flatMap((alert) => transitionsBetween(batch.before.get(alert.id), alert, alert.updatedAt));
  return outboxRowsFor(transitions);
}

/** Adds the outbox to the storage layer's push batches, and wakes the worker after a commit. */
@Injectable()
export class OutboxContributor implements PushBatchContributor, OnModuleInit {
  readonly tables = [NOTIFICATION_OUTBOX as Table<unknown>];

  constructor(
    private readonly contributors: PushBatchContributors,
    private readonly worker: DeliveryWorker,
    private readonly subscribed: SubscribedChannels,
  ) {}

  onModuleInit(): void {
    this.contributors.add(this);
  }

  contribute(batch: WrittenPushBatch): ContributedRows[] {
    return [
      rowsOf(
        NOTIFICATION_OUTBOX,
        outboxRowsOf(batch, (id) => this.subscribed.has(id)),
      ),
    ];
  }

  committed(): void {
    this.worker.wake();
  }
}
