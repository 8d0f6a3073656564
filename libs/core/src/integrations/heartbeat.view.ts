import { ApiProperty } from '@nestjs/swagger';
import { RouteConditionDto } from '../routing/dto/route-set.dto.js';
import type { RouteCondition } from '../routing/route-set.js';
import { HEARTBEAT_SOURCES, isWatched, type HeartbeatSource } from './heartbeat-settings.js';
import type { Integration } from './integration.entity.js';
import { pingUrl } from '../plugins/push-url.js';

export const HEARTBEAT_STATUSES = ['waiting', 'ok', 'missed', 'off'] as const;
export type HeartbeatStatus = (typeof HEARTBEAT_STATUSES)[number];

/** An integration's heartbeat as the admin API shows it: its settings and its state. */
export class HeartbeatView {
  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: 'integer' })
  intervalSeconds!: number;

  @ApiProperty({ type: 'integer' })
  graceSeconds!: number;

  @ApiProperty({ enum: HEARTBEAT_SOURCES, enumName: 'HeartbeatSource' })
  source!: HeartbeatSource;

  @ApiProperty({ type: () => RouteConditionDto, isArray: true, description: 'Empty unless events' })
  conditions!: RouteCondition[];

  @ApiProperty({
    enum: HEARTBEAT_STATUSES,
    enumName: 'HeartbeatStatus',
    description:
      'waiting: watched, no beat yet; ok: the latest beat came in time; missed: its alert is ' +
      'open until the next beat; off: the heartbeat or the integration is disabled',
  })
  status!: HeartbeatStatus;

  @ApiProperty({ type: Date, nullable: true, description: 'When the latest beat came' })
  lastBeatAt!: Date | null;

  @ApiProperty({
    type: Date,
    nullable: true,
    description:
      'The alert opens if no beat comes by then (the time missed, once missed); null while off',
  })
  dueAt!: Date | null;

  @ApiProperty({
    description:
      'GET or POST it to beat (source ping): PUBLIC_URL + /webhooks/{pluginId}/heartbeat?integration_key=…',
  })
  pingUrl!: string;
}

export function heartbeatView(integration: Integration, publicUrl: string): HeartbeatView | null {
  const { heartbeat } = integration;
  if (heartbeat === null) return null;
  return {
    enabled: heartbeat.enabled,
    intervalSeconds: heartbeat.intervalSeconds,
    graceSeconds: heartbeat.graceSeconds,
    source: heartbeat.source,
    conditions: heartbeat.conditions,
    status: heartbeatStatus(integration),
    lastBeatAt: integration.lastBeatAt,
    dueAt: integration.heartbeatDueAt,
    pingUrl: pingUrl(publicUrl, integration.pluginId, integration.integrationKey),
  };
}

function heartbeatStatus(integration: Integration): HeartbeatStatus {
  if (integration.heartbeatMissedAt !== null) return 'missed';
  if (!isWatched(integration)) return 'off';
  return integration.lastBeatAt === null ? 'waiting' : 'ok';
}
