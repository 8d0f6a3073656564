import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NamedResourceDto } from '../../common/named-resource.dto.js';
import { AUTO_RESOLVE_AFTER_SECONDS } from '../auto-resolve-after.js';
import type { IntegrationType } from '../integration.entity.js';
import { AutoResolveAfterSecondsProperty } from './auto-resolve-after.property.js';
import { HeartbeatDto } from './heartbeat.dto.js';
import { SETTINGS_SCHEMA } from './settings.schema.js';

export const INTEGRATION_TYPES: IntegrationType[] = ['private', 'shared'];

export class CreateIntegrationDto extends NamedResourceDto {
  @ApiProperty({ description: 'An enabled plugin (GET /api/v1/plugins)', example: 'prometheus' })
  @IsString()
  @Length(1, 64)
  pluginId!: string;

  @ApiProperty({
    enum: INTEGRATION_TYPES,
    description: 'private: every event goes to its channel; shared: routing rules decide',
  })
  @IsIn(INTEGRATION_TYPES)
  type!: IntegrationType;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for a private integration, refused for a shared one',
  })
  @ValidateIf((dto: CreateIntegrationDto) => dto.type === 'private' || dto.channelId !== undefined)
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({
    ...SETTINGS_SCHEMA,
    description: "Values of the plugin's settings (GET /api/v1/plugins/{id}), checked against them",
    example: { hmacSecret: 'a long random secret' },
  })
  @IsOptional()
  @IsObject()
  settings?: Record<string, unknown>;

  @AutoResolveAfterSecondsProperty(
    'Seconds an alert of events that never resolve (label resolves=never) stays active after ' +
      `its latest event; default ${AUTO_RESOLVE_AFTER_SECONDS.default}`,
  )
  autoResolveAfterSeconds?: number;

  @ApiPropertyOptional({
    type: () => HeartbeatDto,
    description:
      "A dead-man's switch: an alert opens when no beat comes in time (README: Heartbeats)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => HeartbeatDto)
  heartbeat?: HeartbeatDto;
}
