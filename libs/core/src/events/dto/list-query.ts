import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxDate,
  Min,
  MinDate,
} from 'class-validator';
import { SEVERITIES, type Severity } from '@alert-hub/plugin-sdk';
import { integerFromText } from '../../common/integer.transform.js';
import { timeFromText } from '../../common/time.transform.js';

/** Times both databases can compare: PostgreSQL refuses years past 294276 and ISO's `-000001`. */
const EARLIEST_TIME = new Date('1970-01-01T00:00:00Z');
const LATEST_TIME = new Date('9999-12-31T23:59:59.999Z');
const TIME_RANGE = 'must be an ISO 8601 time between 1970 and 9999';

/** Filters and paging shared by the event and alert lists. */
export class ListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  integrationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  alertKey?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, enumName: 'Severity' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ description: 'From this time on (ISO 8601), inclusive' })
  @IsOptional()
  @Transform(timeFromText)
  @IsDate({ message: 'since must be an ISO 8601 time' })
  @MinDate(EARLIEST_TIME, { message: `since ${TIME_RANGE}` })
  @MaxDate(LATEST_TIME, { message: `since ${TIME_RANGE}` })
  since?: Date;

  @ApiPropertyOptional({ description: 'Before this time (ISO 8601)' })
  @IsOptional()
  @Transform(timeFromText)
  @IsDate({ message: 'until must be an ISO 8601 time' })
  @MinDate(EARLIEST_TIME, { message: `until ${TIME_RANGE}` })
  @MaxDate(LATEST_TIME, { message: `until ${TIME_RANGE}` })
  until?: Date;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Transform(integerFromText)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  cursor?: string;
}
