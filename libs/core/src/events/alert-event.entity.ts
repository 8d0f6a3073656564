import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  SEVERITIES,
  type EventLinks,
  type EventSeverityStatus,
  type EventStatus,
  type Severity,
} from '@alert-hub/plugin-sdk';
import { jsonColumn } from '../common/json-column.js';
import { STRING_MAP } from '../openapi/api-docs.decorators.js';
import { AppliedStepView } from './applied-step.view.js';
import type { AppliedStep } from './applied-step.js';

export const EVENT_STATUSES: EventStatus[] = ['firing', 'resolved'];

/** One event as pushed: kept as received, with what routing and severity mapping made of it. */
@Entity({ name: 'alert_events' })
export class AlertEvent {
  @ApiProperty({ type: 'integer' })
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @ApiProperty({ format: 'uuid' })
  @Column({ name: 'integration_id', type: 'varchar', length: 36 })
  integrationId!: string;

  @ApiProperty()
  @Column({ name: 'plugin_id', type: 'varchar', length: 64 })
  pluginId!: string;

  /** Null when routing found no channel: the event is kept as unrouted, never dropped. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: unrouted' })
  @Column({ name: 'channel_id', type: 'varchar', length: 36, nullable: true })
  channelId!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  @Column({ name: 'alert_id', type: 'integer', nullable: true })
  alertId!: number | null;

  @ApiProperty()
  @Column({ name: 'alert_key', type: 'varchar', length: 255 })
  alertKey!: string;

  @ApiProperty({ enum: EVENT_STATUSES, enumName: 'EventStatus' })
  @Column({ type: 'varchar', length: 16 })
  status!: EventStatus;

  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' })
  @Column({ type: 'varchar', length: 16 })
  severity!: Severity;

  @ApiProperty({ enum: [...SEVERITIES, 'Ok'], description: 'Ok once resolved, else the severity' })
  @Column({ name: 'event_status', type: 'varchar', length: 16 })
  eventStatus!: EventSeverityStatus;

  @ApiProperty({ type: String, nullable: true, description: "The source's own word" })
  @Column({ name: 'source_severity', type: 'varchar', length: 255, nullable: true })
  sourceSeverity!: string | null;

  @ApiProperty()
  @Column({ type: 'varchar', length: 512 })
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @ApiProperty(STRING_MAP)
  @Column({ type: 'text', transformer: jsonColumn })
  labels!: Record<string, string>;

  @ApiProperty(STRING_MAP)
  @Column({ type: 'text', transformer: jsonColumn })
  annotations!: Record<string, string>;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: { type: 'string', format: 'uri' },
    description:
      'Links back to the source by name, in the order to show them: `generatorUrl` (the rule), ' +
      '`sourceUrl` (the alert in the source), `dashboardUrl`, `panelUrl`, `silenceUrl`, ' +
      '`runbookUrl`, or a name of the plugin; http(s) URLs only',
    example: {
      generatorUrl: 'http://prometheus:9090/graph?g0.expr=up',
      sourceUrl: 'http://am:9093',
    },
  })
  @Column({ type: 'text', nullable: true, transformer: jsonColumn })
  links!: EventLinks | null;

  @ApiProperty({ type: Date, nullable: true })
  @Column({ name: 'starts_at', nullable: true, type: Date })
  startsAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  @Column({ name: 'ends_at', nullable: true, type: Date })
  endsAt!: Date | null;

  @ApiProperty()
  @Column({ name: 'event_time' })
  eventTime!: Date;

  @ApiProperty()
  @Column({ name: 'received_at' })
  receivedAt!: Date;

  @ApiProperty({ format: 'uuid', description: 'The request id of the push that carried it' })
  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId!: string;

  @ApiProperty({
    type: () => AppliedStepView,
    isArray: true,
    nullable: true,
    description:
      "The steps of the integration's processing pipeline that changed this event, in order; " +
      'null when none did',
  })
  @Column({ name: 'pipeline_steps', type: 'text', nullable: true, transformer: jsonColumn })
  pipelineSteps!: AppliedStep[] | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The silence (mode mark) that matched it when it was received; null: none',
  })
  @Column({ name: 'silenced_by', type: 'varchar', length: 36, nullable: true })
  silencedBy!: string | null;

  /**
   * Read only by `GET /events/:id` (`AlertEventDetail`): up to `MAX_EVENT_RAW_BYTES` each, a page
   * of them would weigh more than any list may.
   */
  @ApiHideProperty()
  @Column({ type: 'text', transformer: jsonColumn, select: false })
  raw?: unknown;
}
