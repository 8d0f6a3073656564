import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { Alert } from '../events/alert.entity.js';
import type { PushSummary, PushToStore } from '../events/normalized-event.js';
import { outboxRowsFor, type AlertTransition } from './alert-transition.js';
import { transitionsBetween } from './alert-transitions-between.js';
import { DeliveryWorker } from './delivery-worker.js';
import { NotificationQueue } from './notification-queue.js';

/**
 * TEMPORARY, NOT YET SAME-TRANSACTION (issue 16, phase 1): finds a push's alert transitions by
 * reading its alerts before and after it is stored, and writes their outbox rows after the
 * commit. A crash between the commit and that write loses those notifications, and concurrent
 * pushes of one alert may each see a transition (the unique index of notifications drops the
 * repeat). Phase 2 replaces this with `outboxRowsFor` called inside the push's transaction by
 * the storage layer; then this file goes.
 */
@Injectable()
export class PushTransitions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: NotificationQueue,
    private readonly worker: DeliveryWorker,
  ) {}

  async around(push: PushToStore, store: () => Promise<PushSummary>): Promise<PushSummary> {
    const channelIds = [...new Set(push.events.flatMap((routed) => routed.channelIds))];
    const alertKeys = [...new Set(push.events.map((routed) => routed.event.alertKey))];
    if (channelIds.length === 0) return store();
    const before = await this.alertsOf(push.integrationId, channelIds, alertKeys, []);
    const summary = await store();
    const after = await this.alertsOf(
      push.integrationId,
      channelIds,
      alertKeys,
      before.map((alert) => alert.id),
    );
    const previous = new Map(before.map((alert) => [alert.id, alert]));
    const transitions: AlertTransition[] = after.flatMap((alert) =>
      transitionsBetween(previous.get(alert.id), alert, push.receivedAt),
    );
    if (transitions.length > 0) {
      await this.queue.enqueue(outboxRowsFor(transitions));
      this.worker.wake();
    }
    return summary;
  }

  /** The active alerts of the push's identities, and the alerts of `ids` whatever their status. */
  private alertsOf(
    integrationId: string,
    channelIds: string[],
    alertKeys: string[],
    ids: number[],
  ): Promise<Alert[]> {
    return this.dataSource
      .getRepository(Alert)
      .createQueryBuilder('alert')
      .where('alert.integration_id = :integrationId', { integrationId })
      .andWhere({ channelId: In(channelIds), alertKey: In(alertKeys) })
      .andWhere(
        new Brackets((either) => {
          either.where("alert.status = 'active'");
          if (ids.length > 0) either.orWhere({ id: In(ids) });
        }),
      )
      .orderBy('alert.id')
      .getMany();
  }
}
