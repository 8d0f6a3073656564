import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { trimString } from '../../common/trim.transform.js';

export class UpdateIntegrationDto {
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  /** Moves a private integration to another channel. */
  @IsOptional()
  @IsUUID()
  channelId?: string;
}
