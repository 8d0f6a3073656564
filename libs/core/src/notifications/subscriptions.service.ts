import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type Repository } from 'typeorm';
import { ChannelsService } from '../channels/channels.service.js';
import { NotFoundError } from '../common/api-error.js';
import { VersionConflictError } from '../common/version-conflict.error.js';
import { SqlDialect, WriteQueue } from '../storage/index.js';
import { DEFAULT_TRANSITIONS } from './alert-transition.js';
import type { CreateSubscriptionDto } from './dto/create-subscription.dto.js';
import type { UpdateSubscriptionDto } from './dto/update-subscription.dto.js';
import { destinationKind } from './kinds/destination-kinds.js';
import { NotificationLog, statementsOf } from './notification-log.js';
import { NotificationSubscription } from './notification-subscription.entity.js';
import { SubscribedChannels } from './subscribed-channels.js';
import { assertDestination } from './subscription-validation.js';

/** Requests in flight to one destination at once, unless the subscription says. */
const DEFAULT_CONCURRENCY = 4;

/** The subscriptions of channels: checked, versioned, stored. */
@Injectable()
export class SubscriptionsService {
  private readonly subscriptions: Repository<NotificationSubscription>;
  private readonly sql: SqlDialect;
  private readonly log: NotificationLog;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly writes: WriteQueue,
    private readonly subscribed: SubscribedChannels,
  ) {
    this.subscriptions = dataSource.getRepository(NotificationSubscription);
    this.sql = new SqlDialect(dataSource);
    this.log = new NotificationLog(this.sql);
  }

  async create(channelId: string, dto: CreateSubscriptionDto): Promise<NotificationSubscription> {
    await this.channels.get(channelId);
    const kind = destinationKind(dto.kind);
    const template = dto.template ?? null;
    const filter = assertDestination(
      {
        url: dto.url,
        secret: dto.secret ?? null,
        headers: dto.headers ?? null,
        filter: dto.filter ?? null,
        template,
      },
      kind,
    );
    const now = new Date();
    const subscription = this.subscriptions.create({
      id: randomUUID(),
      channelId,
      name: dto.name,
      kind: dto.kind,
      url: dto.url,
      secret: dto.secret ?? null,
      headers: dto.headers ?? null,
      transitions: dto.transitions ?? [...DEFAULT_TRANSITIONS],
      filter,
      template,
      ratePerMinute: dto.ratePerMinute ?? kind.defaultRatePerMinute,
      concurrency: dto.concurrency ?? DEFAULT_CONCURRENCY,
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
    // It reads the log from its end: a new subscription is told of transitions from now on.
    const saved = await this.writes.run(() =>
      this.dataSource.transaction(async (manager) => {
        const created = await manager.save(subscription);
        const statements = statementsOf(this.sql, this.dataSource, manager);
        await this.log.advance(statements, created.id, await this.log.end(statements));
        return created;
      }),
    );
    this.subscribed.added(channelId);
    return saved;
  }

  async list(channelId: string): Promise<NotificationSubscription[]> {
    await this.channels.get(channelId);
    return this.subscriptions.find({ where: { channelId }, order: { name: 'ASC', id: 'ASC' } });
  }

  async get(channelId: string, id: string): Promise<NotificationSubscription> {
    const subscription = await this.subscriptions.findOneBy({ id, channelId });
    if (!subscription) throw new NotFoundError('subscription', id);
    return subscription;
  }

  /**
   * Changes what the DTO gives, if nobody changed the subscription since `dto.version`: the
   * version check is part of the UPDATE, so of two changes from one version one wins.
   */
  async update(
    channelId: string,
    id: string,
    dto: UpdateSubscriptionDto,
  ): Promise<NotificationSubscription> {
    const current = await this.get(channelId, id);
    const changed: NotificationSubscription = {
      ...current,
      name: dto.name ?? current.name,
      url: dto.url ?? current.url,
      secret: dto.secret === undefined ? current.secret : dto.secret,
      headers: dto.headers === undefined ? current.headers : dto.headers,
      transitions: dto.transitions ?? current.transitions,
      template: dto.template === undefined ? current.template : dto.template,
      ratePerMinute: dto.ratePerMinute ?? current.ratePerMinute,
      concurrency: dto.concurrency ?? current.concurrency,
      version: dto.version + 1,
      updatedAt: new Date(),
    };
    changed.filter = assertDestination(
      { ...changed, filter: dto.filter ?? current.filter },
      destinationKind(current.kind),
    );
    const { id: _id, ...columns } = changed;
    const result = await this.writes.run(() =>
      this.dataSource
        .createQueryBuilder()
        .update(NotificationSubscription)
        .set(columns)
        .where('id = :id', { id })
        .andWhere('version = :version', { version: dto.version })
        .execute(),
    );
    if (result.affected === 0) {
      const latest = await this.get(channelId, id);
      throw new VersionConflictError('subscription', dto.version, latest.version);
    }
    return changed;
  }

  async delete(channelId: string, id: string): Promise<void> {
    await this.get(channelId, id);
    await this.writes.run(() => this.subscriptions.delete({ id }));
    await this.subscribed.removed();
  }

  byIds(ids: readonly string[]): Promise<NotificationSubscription[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.subscriptions.findBy({ id: In([...new Set(ids)]) });
  }
}
