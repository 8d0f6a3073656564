import {
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationSubscription } from './notification-subscription.entity.js';

/**
 * How often the set is read again, for subscriptions made by another server process sharing the
 * database: the same bound as the integration keys' cache.
 */
export const SUBSCRIBED_CHANNELS_RELOAD_MS = 5_000;

/**
 * The channels that have at least one subscription, known without a query: the push batch asks
 * it, inside its transaction, whether a transition needs an outbox row at all. A channel nobody
 * subscribed to then costs no outbox row, no read of the log and no wake of the worker. A
 * change made in this process counts from the next push (a subscription is added here before
 * the API answers); one made by another process, within `SUBSCRIBED_CHANNELS_RELOAD_MS`.
 */
@Injectable()
export class SubscribedChannels implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private channels = new Set<string>();
  /** Counts changes made here: a load begun before one must not replace what it changed. */
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The first load is awaited: the server takes no push before it knows the subscriptions. */
  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** Reloads only once the app is up: an app whose start failed has no timer left behind. */
  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // A failed reload keeps the set it had; the next tick tries again.
      this.reload().catch(() => undefined);
    }, SUBSCRIBED_CHANNELS_RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  has(channelId: string): boolean {
    return this.channels.has(channelId);
  }

  /** A subscription was saved on the channel here. */
  added(channelId: string): void {
    this.generation += 1;
    this.channels.add(channelId);
  }

  /**
   * A subscription was deleted here: whether its channel has others is the database's to say.
   * Until that is read the channel stays in: an outbox row too many is read by nobody, and goes
   * with the retention.
   */
  async removed(): Promise<void> {
    this.generation += 1;
    await this.reload().catch(() => undefined);
  }

  private async reload(): Promise<void> {
    const generation = this.generation;
    const rows = await this.dataSource
      .getRepository(NotificationSubscription)
      .createQueryBuilder('subscription')
      .select('DISTINCT subscription.channel_id', 'channelId')
      .getRawMany<{ channelId: string }>();
    if (generation === this.generation) this.channels = new Set(rows.map((row) => row.channelId));
  }
}
