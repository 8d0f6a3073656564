import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { trimString } from '../../common/trim.transform.js';

export class UpdateIntegrationDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ description: 'A disabled integration refuses pushes (403)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  /** Moves a private integration to another channel. */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Moves a private integration to another channel',
  })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}
