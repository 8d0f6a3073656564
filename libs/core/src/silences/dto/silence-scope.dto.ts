import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SCOPE_TYPES, type ScopeType } from '../silence.js';

/** Which ids a `type` takes is checked by `parseSilence`. */
export class SilenceScopeDto {
  @ApiProperty({
    enum: SCOPE_TYPES,
    enumName: 'SilenceScopeType',
    description: "all events; one integration's (`integrationId`); one channel's (`channelId`)",
  })
  @IsIn(SCOPE_TYPES)
  type!: ScopeType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  integrationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}
