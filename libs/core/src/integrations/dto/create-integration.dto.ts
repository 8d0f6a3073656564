import { IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { NamedResourceDto } from '../../common/named-resource.dto.js';
import type { IntegrationType } from '../integration.entity.js';

export const INTEGRATION_TYPES: IntegrationType[] = ['private', 'shared'];

export class CreateIntegrationDto extends NamedResourceDto {
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
