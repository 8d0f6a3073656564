import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { NamedResourceDto } from '../../common/named-resource.dto.js';
import { AutoResolveAfterSecondsProperty } from './auto-resolve-after.property.js';
import { HeartbeatDto } from './heartbeat.dto.js';

export class UpdateIntegrationDto extends PartialType(NamedResourceDto) {
  @ApiPropertyOptional({ description: 'A disabled integration refuses pushes (403)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Moves a private integration to another channel',
  })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Settings to change; the others are kept (a secret too, unless given). `null` clears one',
    example: { timestampHeader: 'X-Grafana-Alerting-Timestamp' },
  })
  @IsOptional()
  @IsObject()
  settings?: Record<string, unknown>;

  @AutoResolveAfterSecondsProperty(
    'Seconds an alert of events that never resolve stays active after its latest event; ' +
      'alerts already open keep the time they have until their next event',
  )
  autoResolveAfterSeconds?: number;

  @ApiPropertyOptional({
    type: () => HeartbeatDto,
    nullable: true,
    description:
      'Replaces the heartbeat whole and starts its watch afresh; null removes it (an alert it ' +
      'opened is resolved)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => HeartbeatDto)
  heartbeat?: HeartbeatDto | null;
}
