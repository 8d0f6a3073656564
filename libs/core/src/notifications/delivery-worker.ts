import { Inject, Injectable, Logger } from '@nestjs/common';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { PeriodicTask } from '../database/periodic-task.js';
import { ScheduledWork } from '../database/scheduled-work.js';
import { DeliveryMonitor } from './delivery-monitor.js';
import { DIGEST_MAX_NOTIFICATIONS } from './digest.js';
import { NOTIFICATION_DEFAULTS, type NotificationOptions } from './notification-options.js';
import { NotificationQueue, type WaitingWork } from './notification-queue.js';
import { contentOf, NotificationSender } from './notification-sender.js';
import type { NotificationSubscription } from './notification-subscription.entity.js';
import type { Notification } from './notification.entity.js';
import { RateWindow } from './rate-window.js';
import { retryDelayMs } from './retry-delay.js';
import { SubscriptionsService } from './subscriptions.service.js';

/**
 * Delivers notifications, in every server process: each run fans the outbox out, then sends
 * what each destination's budget allows (rate per window, requests in flight), one by one, or as
 * one digest when more is waiting than the budget lets out one by one. Sends run beside the
 * loop; a finished send wakes it. Runs every `pollMs`, and at once when woken.
 */
@Injectable()
export class DeliveryWorker extends ScheduledWork<void> {
  private readonly logger = new Logger('Notifications');
  private readonly options: NotificationOptions;
  protected readonly task: PeriodicTask<void>;
  private readonly windows = new Map<string, { limit: number; window: RateWindow }>();
  private readonly inFlight = new Map<string, number>();
  private readonly sends = new Set<Promise<void>>();
  private wakeQueued = false;

  constructor(
    @Inject(CORE_OPTIONS) core: CoreOptions,
    private readonly queue: NotificationQueue,
    private readonly subscriptions: SubscriptionsService,
    private readonly sender: NotificationSender,
    private readonly monitor: DeliveryMonitor,
  ) {
    super();
    this.options = { ...NOTIFICATION_DEFAULTS, ...core.notifications };
    this.task = new PeriodicTask({
      run: () => this.run(),
      firstDelayMs: this.options.pollMs,
      intervalMs: this.options.pollMs,
      onRun: () => undefined,
      onFailure: (error) => this.logger.warn(`delivery run failed, retrying: ${String(error)}`),
    });
  }

  /** Runs again soon: new transitions are in the outbox, or a send finished. */
  wake(): void {
    if (this.wakeQueued || this.task.stopped) return;
    this.wakeQueued = true;
    this.task.runNow().catch((error: unknown) => {
      this.logger.warn(`delivery run failed, retrying: ${String(error)}`);
    });
  }

  override async onModuleDestroy(): Promise<void> {
    await super.onModuleDestroy();
    await Promise.allSettled([...this.sends]);
  }

  private async run(): Promise<void> {
    this.wakeQueued = false;
    const now = new Date();
    while ((await this.queue.fanOut(now)) > 0 && !this.task.stopped);
    const work = await this.queue.waiting(now);
    const subscriptions = new Map(
      (await this.subscriptions.byIds(work.map((item) => item.subscriptionId))).map((s) => [
        s.id,
        s,
      ]),
    );
    for (const [subscriptionId, { window }] of this.windows) {
      if (!work.some((item) => item.subscriptionId === subscriptionId)) window.calmed();
    }
    for (const item of work) {
      const subscription = subscriptions.get(item.subscriptionId);
      if (subscription !== undefined && !this.task.stopped)
        await this.dispatch(subscription, item, now);
    }
  }

  private windowOf(subscription: NotificationSubscription): RateWindow {
    const known = this.windows.get(subscription.id);
    if (known !== undefined && known.limit === subscription.ratePerMinute) return known.window;
    const window = new RateWindow(subscription.ratePerMinute, this.options.rateWindowMs);
    this.windows.set(subscription.id, { limit: subscription.ratePerMinute, window });
    return window;
  }

  private async dispatch(
    subscription: NotificationSubscription,
    work: WaitingWork,
    now: Date,
  ): Promise<void> {
    if (work.due === 0) return;
    const window = this.windowOf(subscription);
    const rateBudget = window.available(now.getTime());
    const budget = Math.min(
      rateBudget,
      subscription.concurrency - (this.inFlight.get(subscription.id) ?? 0),
    );
    if (work.waiting > rateBudget) window.overflowed();
    if (budget <= 0) return;
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
    if (window.isStorming) {
      const claimed = await this.queue.claim(
        subscription.id,
        DIGEST_MAX_NOTIFICATIONS,
        now,
        leaseUntil,
        true,
      );
      if (claimed.length > 0) this.startSend(subscription, claimed, window);
      return;
    }
    const claimed = await this.queue.claim(
      subscription.id,
      Math.min(budget, work.due),
      now,
      leaseUntil,
      false,
    );
    for (const notification of claimed) this.startSend(subscription, [notification], window);
  }

  private startSend(
    subscription: NotificationSubscription,
    notifications: Notification[],
    window: RateWindow,
  ): void {
    window.record(Date.now());
    this.inFlight.set(subscription.id, (this.inFlight.get(subscription.id) ?? 0) + 1);
    const send = this.deliver(subscription, notifications, window)
      .catch((error: unknown) => {
        // The lease runs out and another run takes them again.
        this.logger.warn(`delivery to subscription ${subscription.id} failed: ${String(error)}`);
      })
      .finally(() => {
        this.inFlight.set(subscription.id, (this.inFlight.get(subscription.id) ?? 1) - 1);
        this.sends.delete(send);
        this.wake();
      });
    this.sends.add(send);
  }

  private async deliver(
    subscription: NotificationSubscription,
    notifications: Notification[],
    window: RateWindow,
  ): Promise<void> {
    const message = this.sender.message(subscription, notifications.map(contentOf));
    const result = await this.sender.send(subscription, message);
    const { verdict } = result;
    const attemptedAt = new Date();
    if (verdict.outcome === 'rate_limited')
      window.rateLimited(attemptedAt.getTime(), verdict.retryAfterMs);
    await this.queue.finish(
      notifications,
      {
        subscriptionId: subscription.id,
        type: message.type,
        outcome: verdict.outcome,
        httpStatus: result.httpStatus,
        latencyMs: result.latencyMs,
        error: verdict.outcome === 'delivered' ? null : verdict.reason,
        attemptedAt,
      },
      (notification) => ({
        dead: attemptedAt.getTime() - notification.createdAt.getTime() >= this.options.deadAfterMs,
        nextAttemptAt: new Date(
          attemptedAt.getTime() +
            retryDelayMs(notification.attempts, {
              baseMs: this.options.retryBaseMs,
              maxMs: this.options.retryMaxMs,
            }),
        ),
      }),
    );
    this.monitor.deliveries.next({
      kind: subscription.kind,
      outcome: verdict.outcome,
      notifications: notifications.length,
    });
  }
}
