import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { trimString } from '../../common/trim.transform.js';
import type { IntegrationType } from '../integration.entity.js';

export const INTEGRATION_TYPES: IntegrationType[] = ['private', 'shared'];

export class CreateIntegrationDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'prod Alertmanager' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

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

  /** Required for a private integration, refused for a shared one (it routes by rules). */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for a private integration, refused for a shared one',
  })
  @ValidateIf((dto: CreateIntegrationDto) => dto.type === 'private' || dto.channelId !== undefined)
  @IsUUID()
  channelId?: string;
}
