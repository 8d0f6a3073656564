import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonColumn } from '../common/json-column.js';

export const DELIVERY_OUTCOMES = ['delivered', 'failed', 'rate_limited'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export const DELIVERY_TYPES = ['notification', 'digest', 'test'] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

/** One attempt to send to a subscription's destination, whatever came of it. */
@Entity({ name: 'notification_deliveries' })
export class DeliveryAttempt {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'subscription_id', type: 'varchar', length: 36 })
  subscriptionId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DeliveryType;

  @Column({ name: 'notification_ids', type: 'text', transformer: jsonColumn })
  notificationIds!: string[];

  @Column({ name: 'attempted_at' })
  attemptedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  outcome!: DeliveryOutcome;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Column({ name: 'latency_ms', type: 'integer' })
  latencyMs!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error!: string | null;
}
