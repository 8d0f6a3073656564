import type { Severity } from '@alert-hub/plugin-sdk';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json-column.js';
import type { AlertSnapshot, Transition } from './alert-transition.js';

export const NOTIFICATION_STATES = ['pending', 'delivered', 'dead'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/** PostgreSQL answers a bigint as text. */
const bigintNumber = { to: (value: number) => value, from: (value: unknown) => Number(value) };

/** One transition for one subscription: delivered once, after the alert's earlier ones. */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'subscription_id', type: 'varchar', length: 36 })
  subscriptionId!: string;

  @Column({ name: 'alert_id', type: 'integer' })
  alertId!: number;

  /** The outbox row's id: grows with each transition of the alert. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  sequence!: number;

  @Column({ type: 'varchar', length: 32 })
  transition!: Transition;

  @Column({ type: 'varchar', length: 16 })
  severity!: Severity;

  /** When the transition happened: what messages say, however late they go. */
  @Column({ name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'text', transformer: jsonColumn })
  snapshot!: AlertSnapshot;

  @Column({ type: 'varchar', length: 16 })
  state!: NotificationState;

  /** Failed attempts so far (rate-limited ones are not failures). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** A worker holds it until then; after, another may take it (its process died). */
  @Column({ name: 'claimed_until', type: Date, nullable: true })
  claimedUntil!: Date | null;

  /** Queued at (again, when replayed): the dead-letter time counts from it. */
  @Column({ name: 'created_at' })
  createdAt!: Date;

  /** Delivered or dead at. */
  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;
}
