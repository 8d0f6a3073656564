import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { INTEGER_COLUMN_MAX } from '../../common/integer-column.js';
import { NamedResourceDto } from '../../common/named-resource.dto.js';
import { AutoResolveAfterSecondsProperty } from './auto-resolve-after.property.js';
import { HeartbeatDto } from './heartbeat.dto.js';
import { SETTINGS_SCHEMA } from './settings.schema.js';

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
    ...SETTINGS_SCHEMA,
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
    type: 'integer',
    minimum: 0,
    maximum: INTEGER_COLUMN_MAX,
    description:
      'The `settingsVersion` last read: if the settings changed since, the change is refused (409). Without it a change of settings applies to whatever version is stored',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INTEGER_COLUMN_MAX)
  settingsVersion?: number;

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
