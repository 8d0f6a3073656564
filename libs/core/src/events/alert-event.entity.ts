import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EventLinks, EventSeverityStatus, EventStatus, Severity } from '@alert-hub/plugin-sdk';
import { jsonColumn } from '../common/json-column.js';

/** One event as pushed: kept as received, with what routing and severity mapping made of it. */
@Entity({ name: 'alert_events' })
export class AlertEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'integration_id', type: 'varchar', length: 36 })
  integrationId!: string;

  @Column({ name: 'plugin_id', type: 'varchar', length: 64 })
  pluginId!: string;

  /** Null when routing found no channel: the event is kept as unrouted, never dropped. */
  @Column({ name: 'channel_id', type: 'varchar', length: 36, nullable: true })
  channelId!: string | null;

  @Column({ name: 'alert_id', type: 'integer', nullable: true })
  alertId!: number | null;

  @Column({ name: 'alert_key', type: 'varchar', length: 255 })
  alertKey!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: EventStatus;

  @Column({ type: 'varchar', length: 16 })
  severity!: Severity;

  @Column({ name: 'event_status', type: 'varchar', length: 16 })
  eventStatus!: EventSeverityStatus;

  @Column({ name: 'source_severity', type: 'varchar', length: 255, nullable: true })
  sourceSeverity!: string | null;

  @Column({ type: 'varchar', length: 512 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', transformer: jsonColumn })
  labels!: Record<string, string>;

  @Column({ type: 'text', transformer: jsonColumn })
  annotations!: Record<string, string>;

  @Column({ type: 'text', nullable: true, transformer: jsonColumn })
  links!: EventLinks | null;

  @Column({ name: 'starts_at', nullable: true, type: Date })
  startsAt!: Date | null;

  @Column({ name: 'ends_at', nullable: true, type: Date })
  endsAt!: Date | null;

  @Column({ name: 'event_time' })
  eventTime!: Date;

  @Column({ name: 'received_at' })
  receivedAt!: Date;

  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId!: string;

  @Column({ type: 'text', transformer: jsonColumn })
  raw!: unknown;
}
