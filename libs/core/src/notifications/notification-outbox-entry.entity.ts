import type { Severity } from '@alert-hub/plugin-sdk';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonColumn } from '../common/json-column.js';
import type { AlertSnapshot, Transition } from './alert-transition.js';

/** A row of the log of transitions, for the retention; see `OutboxRow`. */
@Entity({ name: 'notification_outbox' })
export class NotificationOutboxEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'alert_id', type: 'integer' })
  alertId!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'varchar', length: 32 })
  transition!: Transition;

  @Column({ type: 'varchar', length: 16 })
  severity!: Severity;

  @Column({ name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'text', transformer: jsonColumn })
  snapshot!: AlertSnapshot;
}
