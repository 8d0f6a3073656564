import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { trimString } from '../../common/trim.transform.js';
import type { IntegrationType } from '../integration.entity.js';

export const INTEGRATION_TYPES: IntegrationType[] = ['private', 'shared'];

export class CreateIntegrationDto {
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @IsString()
  @Length(1, 64)
  pluginId!: string;

  @IsIn(INTEGRATION_TYPES)
  type!: IntegrationType;

  /** Required for a private integration, refused for a shared one (it routes by rules). */
  @ValidateIf((dto: CreateIntegrationDto) => dto.type === 'private' || dto.channelId !== undefined)
  @IsUUID()
  channelId?: string;
}
