import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { NamedResourceDto } from '../../common/named-resource.dto.js';

export class UpdateIntegrationDto extends PartialType(NamedResourceDto) {
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  /** Moves a private integration to another channel. */
  @IsOptional()
  @IsUUID()
  channelId?: string;
}
