import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { PeriodicTask } from '../database/periodic-task.js';
import { OUTBOUND_DEFAULTS } from '../outbound/outbound-options.js';
import { ScheduledWork } from '../database/scheduled-work.js';
import { DeliveryMonitor } from './delivery-monitor.js';
import { SUBSCRIPTION_LIMITS } from './dto/create-subscription.dto.js';
import { DIGEST_MAX_NOTIFICATIONS } from './digest.js';
import { FinishedAttempts } from './finished-attempts.js';
import { NOTIFICATION_DEFAULTS, type NotificationOptions } from './notification-options.js';
import {
  NotificationQueue,
  type FinishedAttempt,
  type FailurePlan,
  type WaitingWork,
} from './notification-queue.js';
import { contentOf, NotificationSender } from './notification-sender.js';
import type { NotificationSubscription } from './notification-subscription.entity.js';
import type { Notification } from './notification.entity.js';
import { messagesOf } from './log-messages.js';
import { RateWindow } from './rate-window.js';
import { retryDelayMs } from './retry-delay.js';
import { SubscriptionLeases } from './subscription-leases.js';
import { SubscriptionsService } from './subscriptions.service.js';

/**
 * Between two runs when woken: a run then takes what the pushes of the last moments logged at
 * once (one read of the log, one claim), instead of a run per committed push batch.
 */
export const WAKE_SPACING_MS = 100;

/**
 * A subscription with more logged than its destination's concurrency sends one by one in this
 * many runs (about a second) is in a storm, as one with more than its rate lets out is: what it
 * reads then goes as digests, rather than a backlog that grows for as long as the stream lasts.
 */
const ONE_BY_ONE_RUNS = 10;

/** Log rows a subscription with notifications waiting queues behind them per run at most. */
const QUEUED_FROM_LOG_PER_RUN = 1000;

/** At most this many claimed notifications per send slot wait in the process to be sent. */
const MAX_CLAIMED_PER_SLOT = 4;

/**
 * A subscription's pending and due notifications are counted up to this: more than any rate
 * bound lets out beside all a process can hold (claimed, or in digests in flight), so every
 * decision below comes out the same as with the whole count, and a backlog of any size costs a
 * run the same.
 */
const COUNTED_AT_MOST =
  SUBSCRIPTION_LIMITS.ratePerMinute +
  SUBSCRIPTION_LIMITS.concurrency * (DIGEST_MAX_NOTIFICATIONS + MAX_CLAIMED_PER_SLOT) +
  1;

/** Notifications a subscription claimed in this process and has not sent yet. */
interface Claimed {
  subscription: NotificationSubscription;
  window: RateWindow;
  notifications: Notification[];
}

/**
 * Delivers notifications, in every server process, for the subscriptions it holds the lease of
 * (`SubscriptionLeases`: one process at a time per destination). A subscription with nothing
 * waiting reads the log of transitions from its cursor and sends what it read within the
 * destination's budget (rate per window, requests at once): one message per notification, one
 * per alert at a time, or digests in a storm (more waiting than that budget lets out one by one);
 * when they end, the attempts are recorded and the cursor moved past what was read, in one
 * transaction, and the notifications not delivered wait in `notifications`. A subscription with
 * notifications waiting queues what it reads from the log behind them, and claims and sends
 * those as the budget allows, one by one as send slots free up or as digests. Sends run beside
 * the loop, and the attempts that end are written together (`FinishedAttempts`); when a
 * destination has sent what it took, the loop is woken. Runs every `pollMs`, and when woken,
 * `WAKE_SPACING_MS` after the last run at least.
 */
@Injectable()
export class DeliveryWorker extends ScheduledWork<void> {
  private readonly logger = new Logger('Notifications');
  private readonly options: NotificationOptions;
  protected readonly task: PeriodicTask<void>;
  private readonly windows = new Map<string, { limit: number; window: RateWindow }>();
  private readonly inFlight = new Map<string, number>();
  /** Per subscription, the notifications its requests in flight carry. */
  private readonly carried = new Map<string, number>();
  private readonly sends = new Set<Promise<void>>();
  private readonly claimed = new Map<string, Claimed>();
  /** Subscriptions whose sends of what they read from the log have not all ended. */
  private readonly readingLog = new Set<string>();
  /** Per subscription whose sends from the log could not be recorded: when to read it again. */
  private readonly logPausedUntil = new Map<string, number>();
  private readonly finished: FinishedAttempts;
  /** This process, as the holder of subscription leases. */
  private readonly holder = randomUUID();
  /** Per subscription this process holds: until when its lease runs (ms). */
  private readonly heldUntil = new Map<string, number>();
  /** Claimed notifications a send slot may hold: sent well within their lease. */
  private readonly claimedPerSlot: number;
  private wakeTimer: NodeJS.Timeout | undefined;
  private lastRunAt = 0;

  constructor(
    @Inject(CORE_OPTIONS) core: CoreOptions,
    private readonly queue: NotificationQueue,
    private readonly subscriptions: SubscriptionsService,
    private readonly sender: NotificationSender,
    private readonly monitor: DeliveryMonitor,
    private readonly leases: SubscriptionLeases,
  ) {
    super();
    this.options = { ...NOTIFICATION_DEFAULTS, ...core.notifications };
    const sendTimeoutMs = core.outbound?.timeoutMs ?? OUTBOUND_DEFAULTS.timeoutMs;
    this.claimedPerSlot = Math.max(
      1,
      Math.min(MAX_CLAIMED_PER_SLOT, Math.floor(this.options.leaseMs / (2 * sendTimeoutMs))),
    );
    this.finished = new FinishedAttempts((attempts) => this.queue.finish(attempts));
    this.task = new PeriodicTask({
      run: () => this.run(),
      firstDelayMs: this.options.pollMs,
      intervalMs: this.options.pollMs,
      onRun: () => undefined,
      onFailure: (error) => this.logger.warn(`delivery run failed, retrying: ${String(error)}`),
    });
  }

  /** Runs again soon: new transitions are in the outbox, or a destination sent what it claimed. */
  wake(): void {
    if (this.wakeTimer !== undefined || this.task.stopped) return;
    const delayMs = Math.max(0, this.lastRunAt + WAKE_SPACING_MS - Date.now());
    this.wakeTimer = setTimeout(() => {
      this.task.runNow().catch((error: unknown) => {
        this.logger.warn(`delivery run failed, retrying: ${String(error)}`);
      });
    }, delayMs);
    this.wakeTimer.unref();
  }

  override async onModuleDestroy(): Promise<void> {
    clearTimeout(this.wakeTimer);
    await super.onModuleDestroy();
    const unsent = [...this.claimed.values()].flatMap((claimed) => claimed.notifications);
    this.claimed.clear();
    await Promise.allSettled([...this.sends]);
    // Given back, not left to their lease: the next process delivers them at once.
    await this.queue
      .release(unsent.map((notification) => notification.id))
      .catch((error: unknown) => this.logger.warn(`claims not released: ${String(error)}`));
    await this.leases
      .release(this.holder)
      .catch((error: unknown) => this.logger.warn(`leases not released: ${String(error)}`));
  }

  private async run(): Promise<void> {
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.lastRunAt = Date.now();
    const now = new Date();
    const waiting = await this.queue.waiting(now, COUNTED_AT_MOST);
    const held = await this.hold(
      waiting.map((item) => item.subscriptionId),
      now,
    );
    const work = waiting.filter((item) => held.has(item.subscriptionId));
    const subscriptions = new Map(
      (await this.subscriptions.byIds(work.map((item) => item.subscriptionId))).map((s) => [
        s.id,
        s,
      ]),
    );
    for (const [subscriptionId, { window }] of this.windows) {
      if (work.some((item) => item.subscriptionId === subscriptionId)) window.busy();
      else window.calmed(now.getTime());
    }
    for (const item of work) {
      const subscription = subscriptions.get(item.subscriptionId);
      if (subscription === undefined || this.task.stopped || this.readingLog.has(subscription.id))
        continue;
      if (item.waiting === 0) {
        if ((this.logPausedUntil.get(subscription.id) ?? 0) <= now.getTime())
          await this.sendFromLog(subscription, item, now);
        continue;
      }
      if (item.logged > 0) {
        // Behind what waits already, in order; the counts below are this run's, the next run
        // sees what was queued now.
        await this.queue.queueFromLog(subscription, QUEUED_FROM_LOG_PER_RUN, now);
        this.wake();
      }
      await this.dispatch(subscription, item, now);
    }
  }

  /**
   * Of the subscriptions with work, those this process holds the lease of: taken or renewed now,
   * or held for more than half the lease still (renewing at every run would be a write per run).
   * A lease that ran out before it was taken again may have been another process's meanwhile:
   * the destination's window is read again from the delivery log. A subscription lost to another
   * process gets back what this one claimed of it and did not send.
   */
  private async hold(subscriptionIds: readonly string[], now: Date): Promise<Set<string>> {
    const at = now.getTime();
    for (const [subscriptionId, until] of this.heldUntil) {
      if (until > at) continue;
      this.heldUntil.delete(subscriptionId);
      this.windows.delete(subscriptionId);
    }
    const renewed = subscriptionIds.filter(
      (id) => (this.heldUntil.get(id) ?? 0) <= at + this.options.leaseMs / 2,
    );
    const until = at + this.options.leaseMs;
    const taken = await this.leases.hold(this.holder, renewed, now, new Date(until));
    for (const id of renewed) {
      if (taken.has(id)) {
        this.heldUntil.set(id, until);
      } else {
        this.heldUntil.delete(id);
        this.giveBack(id);
      }
    }
    return new Set(subscriptionIds.filter((id) => this.heldUntil.has(id)));
  }

  /** Gives back the notifications of a subscription this process claimed and did not send. */
  private giveBack(subscriptionId: string): void {
    const claimed = this.claimed.get(subscriptionId);
    if (claimed === undefined) return;
    this.claimed.delete(subscriptionId);
    void this.queue
      .release(claimed.notifications.map((notification) => notification.id))
      .catch((error: unknown) => this.logger.warn(`claims not released: ${String(error)}`));
  }

  /**
   * The destination's window: new in this process, or its bound changed, it starts from the
   * attempts of the last window in the delivery log, whichever process made them.
   */
  private async windowOf(subscription: NotificationSubscription, now: Date): Promise<RateWindow> {
    const known = this.windows.get(subscription.id);
    if (known !== undefined && known.limit === subscription.ratePerMinute) return known.window;
    const sent = await this.leases.attemptTimes(
      subscription.id,
      new Date(now.getTime() - this.options.rateWindowMs),
      subscription.ratePerMinute,
    );
    const window = new RateWindow(subscription.ratePerMinute, this.options.rateWindowMs, sent);
    this.windows.set(subscription.id, { limit: subscription.ratePerMinute, window });
    return window;
  }

  private async dispatch(
    subscription: NotificationSubscription,
    work: WaitingWork,
    now: Date,
  ): Promise<void> {
    if (work.due === 0) return;
    const window = await this.windowOf(subscription, now);
    const unsent = this.claimed.get(subscription.id)?.notifications.length ?? 0;
    const rateBudget = window.available(now.getTime()) - unsent;
    const budget = Math.min(
      rateBudget,
      subscription.concurrency * this.claimedPerSlot -
        (this.inFlight.get(subscription.id) ?? 0) -
        unsent,
    );
    // What waits beyond what this process holds (claimed, or in a request): more than the rate
    // lets out one by one means a storm.
    const held = unsent + (this.carried.get(subscription.id) ?? 0);
    if (work.waiting - held > rateBudget) window.overflowed();
    if (budget <= 0) return;
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
    if (window.isStorming) {
      // As many digests as the destination takes at once: a claim leaves out the notifications
      // of an alert an earlier digest holds, so digests in flight together never reorder one.
      const slots = Math.min(
        rateBudget,
        subscription.concurrency - (this.inFlight.get(subscription.id) ?? 0),
      );
      for (let digest = 0; digest < slots && !this.task.stopped; digest++) {
        const claimed = await this.queue.claim(
          subscription.id,
          DIGEST_MAX_NOTIFICATIONS,
          now,
          leaseUntil,
          true,
        );
        if (claimed.length > 0) this.startSend(subscription, claimed, window);
        if (claimed.length < DIGEST_MAX_NOTIFICATIONS) break;
      }
      return;
    }
    const claimed = await this.queue.claim(
      subscription.id,
      Math.min(budget, work.due),
      now,
      leaseUntil,
      false,
    );
    if (claimed.length === 0) return;
    const known = this.claimed.get(subscription.id);
    if (known === undefined) {
      this.claimed.set(subscription.id, { subscription, window, notifications: claimed });
    } else {
      known.notifications.push(...claimed);
    }
    this.sendClaimed(subscription.id);
  }

  /**
   * Sends a subscription's claimed notifications one by one while it has a free slot. Claims
   * from one run hold one notification per alert at most, so any order of them is the alerts'
   * order. A destination that rate-limited gives back what it has not sent: a digest takes it.
   */
  private sendClaimed(subscriptionId: string): void {
    const claimed = this.claimed.get(subscriptionId);
    if (claimed === undefined) return;
    const { subscription, window, notifications } = claimed;
    if (notifications.length > 0 && window.available(Date.now()) <= 0) {
      this.giveBack(subscriptionId);
      return;
    }
    while (
      notifications.length > 0 &&
      (this.inFlight.get(subscriptionId) ?? 0) < subscription.concurrency
    ) {
      const next = notifications.shift();
      if (next !== undefined) this.startSend(subscription, [next], window);
    }
    if (notifications.length === 0) this.claimed.delete(subscriptionId);
  }

  private startSend(
    subscription: NotificationSubscription,
    notifications: Notification[],
    window: RateWindow,
  ): void {
    window.record(Date.now());
    this.addInFlight(subscription.id, 1);
    this.carried.set(
      subscription.id,
      (this.carried.get(subscription.id) ?? 0) + notifications.length,
    );
    const send = this.deliver(subscription, notifications, window)
      .catch((error: unknown) => {
        // The lease runs out and another run takes them again.
        this.logger.warn(`delivery to subscription ${subscription.id} failed: ${String(error)}`);
      })
      .finally(() => {
        this.addInFlight(subscription.id, -1);
        this.carried.set(
          subscription.id,
          (this.carried.get(subscription.id) ?? notifications.length) - notifications.length,
        );
        this.sends.delete(send);
        this.sendClaimed(subscription.id);
        if (!this.claimed.has(subscription.id)) this.wake();
      });
    this.sends.add(send);
  }

  /**
   * Sends what a subscription with nothing waiting reads from the log, within its budget: as
   * many messages at once as its rate and concurrency let out, each one notification, or, in a
   * storm (more logged than the rate lets out, or than about a second of sends one by one), as
   * digests. An alert's notifications go in one message: the read stops before one whose alert
   * is in an earlier message (it goes next time), so no two requests in flight carry one alert.
   * When all have ended, the attempts and the cursor are recorded together; what was not
   * delivered then waits in `notifications`.
   */
  private async sendFromLog(
    subscription: NotificationSubscription,
    work: WaitingWork,
    now: Date,
  ): Promise<void> {
    const window = await this.windowOf(subscription, now);
    const rateBudget = window.available(now.getTime());
    // As many one by one as a run of claims would take: a few per request slot.
    const oneByOne = Math.min(rateBudget, subscription.concurrency * this.claimedPerSlot);
    if (work.logged > Math.min(rateBudget, ONE_BY_ONE_RUNS * oneByOne)) window.overflowed();
    const size = window.isStorming ? DIGEST_MAX_NOTIFICATIONS : 1;
    const count = size === 1 ? oneByOne : Math.min(rateBudget, subscription.concurrency);
    if (count <= 0) return;
    const { read, wanted } = await this.queue.readLog(subscription, size * count, now);
    const messages = messagesOf(wanted, size, count);
    const sent = messages.reduce((total, message) => total + message.length, 0);
    const firstLeft = wanted[sent];
    const end =
      firstLeft === undefined
        ? read.length
        : read.findIndex((entry) => entry.id === firstLeft.sequence);
    const cursor = read[end - 1]?.cursor;
    if (cursor === undefined) return;
    this.readingLog.add(subscription.id);
    const send = this.attemptAll(subscription, messages, window)
      .then(({ attempts, unsent }) =>
        this.queue.finishFromLog(subscription.id, cursor, attempts, unsent),
      )
      .then(() => {
        this.logPausedUntil.delete(subscription.id);
      })
      .catch((error: unknown) => {
        // The cursor stays: the same rows are read and sent again, after a pause (not at once,
        // in case what failed fails again), and the receiver drops what it already has by id.
        this.logPausedUntil.set(subscription.id, Date.now() + this.options.retryBaseMs);
        this.logger.warn(`delivery to subscription ${subscription.id} failed: ${String(error)}`);
      })
      .finally(() => {
        this.readingLog.delete(subscription.id);
        this.sends.delete(send);
        this.wake();
      });
    this.sends.add(send);
  }

  /**
   * Sends messages, as many at once as the subscription's concurrency: how those sent went, and
   * the notifications of those not sent because the destination rate-limited meanwhile.
   */
  private async attemptAll(
    subscription: NotificationSubscription,
    messages: readonly Notification[][],
    window: RateWindow,
  ): Promise<{ attempts: FinishedAttempt[]; unsent: Notification[] }> {
    const attempts: FinishedAttempt[] = [];
    const unsent: Notification[] = [];
    let next = 0;
    const sender = async () => {
      for (let index = next++; index < messages.length; index = next++) {
        const notifications = messages[index] ?? [];
        if (window.available(Date.now()) <= 0) {
          unsent.push(...notifications);
          continue;
        }
        window.record(Date.now());
        this.addInFlight(subscription.id, 1);
        try {
          attempts.push(await this.attempt(subscription, notifications, window));
        } finally {
          this.addInFlight(subscription.id, -1);
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(subscription.concurrency, messages.length) }, sender),
    );
    return { attempts, unsent };
  }

  private addInFlight(subscriptionId: string, requests: number): void {
    this.inFlight.set(subscriptionId, (this.inFlight.get(subscriptionId) ?? 0) + requests);
  }

  private async deliver(
    subscription: NotificationSubscription,
    notifications: Notification[],
    window: RateWindow,
  ): Promise<void> {
    await this.finished.record(await this.attempt(subscription, notifications, window));
  }

  /** Sends one message, and says how it went and what becomes of its notifications if it failed. */
  private async attempt(
    subscription: NotificationSubscription,
    notifications: Notification[],
    window: RateWindow,
  ): Promise<FinishedAttempt> {
    const message = this.sender.message(subscription, notifications.map(contentOf));
    const result = await this.sender.send(subscription, message);
    const { verdict } = result;
    const attemptedAt = new Date();
    if (verdict.outcome === 'rate_limited')
      window.rateLimited(attemptedAt.getTime(), verdict.retryAfterMs);
    this.monitor.deliveries.next({
      kind: subscription.kind,
      outcome: verdict.outcome,
      notifications: notifications.length,
    });
    return {
      notifications,
      attempt: {
        subscriptionId: subscription.id,
        type: message.type,
        outcome: verdict.outcome,
        httpStatus: result.httpStatus,
        latencyMs: result.latencyMs,
        error: verdict.outcome === 'delivered' ? null : verdict.reason,
        attemptedAt,
      },
      plan: this.failurePlan(attemptedAt),
    };
  }

  /** A failed notification is tried again after a growing delay, or is dead once too old. */
  private failurePlan(attemptedAt: Date): FailurePlan {
    return (notification) => ({
      dead: attemptedAt.getTime() - notification.createdAt.getTime() >= this.options.deadAfterMs,
      nextAttemptAt: new Date(
        attemptedAt.getTime() +
          retryDelayMs(notification.attempts, {
            baseMs: this.options.retryBaseMs,
            maxMs: this.options.retryMaxMs,
          }),
      ),
    });
  }
}
