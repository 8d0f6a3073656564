import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SEVERITIES, type Severity } from '@alert-hub/plugin-sdk';
import { jsonColumn } from '../common/json-column.js';
import { STRING_MAP } from '../openapi/api-docs.decorators.js';
import type { AlertRecord, AlertStatus } from '../storage/index.js';

export type { AlertStatus };
export const ALERT_STATUSES: AlertStatus[] = ['active', 'resolved'];

/**
 * The lifetime of one problem in one channel, as one integration reports it. At most one active
 * alert exists per identity (integration, channel, alert key): a partial unique index holds that
 * even across server processes.
 */
@Entity({ name: 'alerts' })
export class Alert implements AlertRecord {
  @ApiProperty({ type: 'integer' })
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @ApiProperty({ format: 'uuid' })
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @ApiProperty({ description: 'Stable identity of the problem at the source' })
  @Column({ name: 'alert_key', type: 'varchar', length: 255 })
  alertKey!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The integration whose events make the alert: no other can change it',
  })
  @Column({ name: 'integration_id', type: 'varchar', length: 36 })
  integrationId!: string;

  @ApiProperty()
  @Column({ name: 'plugin_id', type: 'varchar', length: 64 })
  pluginId!: string;

  @ApiProperty({ enum: ALERT_STATUSES, enumName: 'AlertStatus' })
  @Column({ type: 'varchar', length: 16 })
  status!: AlertStatus;

  @ApiProperty({
    enum: SEVERITIES,
    enumName: 'Severity',
    description: 'The highest severity seen while active',
  })
  @Column({ type: 'varchar', length: 16 })
  severity!: Severity;

  @ApiProperty()
  @Column({ type: 'varchar', length: 512 })
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @ApiProperty(STRING_MAP)
  @Column({ type: 'text', transformer: jsonColumn })
  labels!: Record<string, string>;

  @ApiProperty({ type: Date, nullable: true })
  @Column({ name: 'starts_at', nullable: true, type: Date })
  startsAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  @Column({ name: 'resolved_at', nullable: true, type: Date })
  resolvedAt!: Date | null;

  @ApiProperty()
  @Column({ name: 'last_event_at' })
  lastEventAt!: Date;

  @ApiProperty({ description: 'When an event of it, repeats included, was last received' })
  @Column({ name: 'last_seen_at' })
  lastSeenAt!: Date;

  @ApiProperty({ type: 'integer' })
  @Column({ name: 'event_count', type: 'integer' })
  eventCount!: number;

  @ApiProperty({ type: 'integer', description: 'Repeats counted without storing an event' })
  @Column({ name: 'repeat_count', type: 'integer' })
  repeatCount!: number;

  @ApiProperty({
    type: Date,
    nullable: true,
    description:
      "When it resolves by itself: the latest event's reception plus the integration's " +
      'autoResolveAfterSeconds, for an alert whose events never resolve (label resolves=never); ' +
      'null for any other. A resolved alert with this time was closed by it, at it',
  })
  @Column({ name: 'auto_resolve_at', nullable: true, type: Date })
  autoResolveAt!: Date | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The silence its latest firing event matched: the alert is silenced (nothing downstream ' +
      'is told of it) until a firing event no silence matches, or the silence ends; null: visible',
  })
  @Column({ name: 'silenced_by', type: 'varchar', length: 36, nullable: true })
  silencedBy!: string | null;

  @ApiProperty({
    type: Date,
    nullable: true,
    description:
      'When it last became visible after having been silenced, still firing: what a consumer of ' +
      'alert transitions reads to tell of it once; null: never silenced, or never un-silenced',
  })
  @Column({ name: 'unsilenced_at', nullable: true, type: Date })
  unsilencedAt!: Date | null;

  /** Status, severity, startsAt and endsAt of the latest stored event: what a repeat matches. */
  @ApiHideProperty()
  @Column({ name: 'last_event_signature', type: 'varchar', length: 128 })
  lastEventSignature!: string;

  @ApiProperty()
  @Column({ name: 'created_at' })
  createdAt!: Date;

  @ApiProperty()
  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
