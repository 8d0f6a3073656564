import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { NamedResourceDto } from '../../common/named-resource.dto.js';

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
}
