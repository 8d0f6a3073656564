import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json-column.js';
import type { RouteCondition } from '../routing/route-set.js';
import type { Transition } from './alert-transition.js';
import type { DestinationKindId } from './kinds/destination-kinds.js';
import type { NotificationTemplate } from './notification-template.js';

/** A channel's wish to have its alert transitions sent to one destination. */
@Entity({ name: 'notification_subscriptions' })
export class NotificationSubscription {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DestinationKindId;

  /** IM bots' URLs carry their token: never answered whole. */
  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  secret!: string | null;

  @Column({ type: 'text', nullable: true, transformer: jsonColumn })
  headers!: Record<string, string> | null;

  @Column({ type: 'text', transformer: jsonColumn })
  transitions!: Transition[];

  /** All must hold, in the routing grammar; none: every alert. */
  @Column({ type: 'text', transformer: jsonColumn })
  filter!: RouteCondition[];

  /** Null: the kind's default. */
  @Column({ type: 'text', nullable: true, transformer: jsonColumn })
  template!: NotificationTemplate | null;

  @Column({ name: 'rate_per_minute', type: 'integer' })
  ratePerMinute!: number;

  @Column({ type: 'integer' })
  concurrency!: number;

  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
