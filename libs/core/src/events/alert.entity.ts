import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Severity } from '@alert-hub/plugin-sdk';
import { jsonColumn } from '../common/json-column.js';

export type AlertStatus = 'active' | 'resolved';

/**
 * The lifetime of one problem in one channel. At most one active alert exists per
 * (channel, alert key): a partial unique index holds that even across server processes.
 */
@Entity({ name: 'alerts' })
export class Alert {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ name: 'alert_key', type: 'varchar', length: 255 })
  alertKey!: string;

  /** The integration whose event opened the alert. */
  @Column({ name: 'integration_id', type: 'varchar', length: 36 })
  integrationId!: string;

  @Column({ name: 'plugin_id', type: 'varchar', length: 64 })
  pluginId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AlertStatus;

  /** The highest severity seen while active. */
  @Column({ type: 'varchar', length: 16 })
  severity!: Severity;

  @Column({ type: 'varchar', length: 512 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', transformer: jsonColumn })
  labels!: Record<string, string>;

  @Column({ name: 'starts_at', nullable: true, type: Date })
  startsAt!: Date | null;

  @Column({ name: 'resolved_at', nullable: true, type: Date })
  resolvedAt!: Date | null;

  @Column({ name: 'last_event_at' })
  lastEventAt!: Date;

  @Column({ name: 'last_seen_at' })
  lastSeenAt!: Date;

  @Column({ name: 'event_count', type: 'integer' })
  eventCount!: number;

  @Column({ name: 'repeat_count', type: 'integer' })
  repeatCount!: number;

  /** Status, severity, startsAt and endsAt of the latest stored event: what a repeat matches. */
  @Column({ name: 'last_event_signature', type: 'varchar', length: 128 })
  lastEventSignature!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
