import { Transform, Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { SEVERITIES, type Severity } from '@alert-hub/plugin-sdk';
import { integerFromText } from '../../common/integer.transform.js';

/** Filters and paging shared by the event and alert lists. */
export class ListQuery {
  @IsOptional()
  @IsUUID()
  integrationId?: string;

  @IsOptional()
  @IsUUID()
  channelId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  alertKey?: string;

  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'since must be an ISO 8601 time' })
  since?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'until must be an ISO 8601 time' })
  until?: Date;

  @IsOptional()
  @Transform(integerFromText)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  cursor?: string;
}
