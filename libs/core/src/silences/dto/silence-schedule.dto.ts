import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { timeFromText } from '../../common/time.transform.js';
import { WEEKDAYS, type Weekday } from '../silence.js';

export const SCHEDULE_LIMITS = { windows: 20 } as const;

/** `00:00` to `23:59`; an end may also be `24:00`. */
export const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
export const CLOCK_END_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WeeklyWindowDto {
  @ApiProperty({ enum: WEEKDAYS, isArray: true, minItems: 1, example: ['fri'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEEKDAYS.length)
  @IsIn(WEEKDAYS, { each: true })
  days!: Weekday[];

  @ApiProperty({ pattern: CLOCK_TIME.source, example: '22:00', description: 'Local, HH:MM' })
  @IsString()
  @Matches(CLOCK_TIME, { message: 'start must be a time of day HH:MM, 00:00 to 23:59' })
  start!: string;

  @ApiProperty({
    pattern: CLOCK_END_TIME.source,
    example: '02:00',
    description:
      'Local, HH:MM or 24:00; not after `start`: the window closes the next day (22:00 → 02:00)',
  })
  @IsString()
  @Matches(CLOCK_END_TIME, { message: 'end must be a time of day HH:MM, 00:00 to 24:00' })
  end!: string;
}

/** Both shapes in one class: which fields a `type` takes is checked by `parseSilence`. */
export class SilenceScheduleDto {
  @ApiProperty({
    enum: ['once', 'weekly'],
    description:
      'once: from `start` to `end`; weekly: `windows` in the wall-clock time of `timezone`, ' +
      'until `lastDate` if given',
  })
  @IsIn(['once', 'weekly'])
  type!: 'once' | 'weekly';

  @ApiPropertyOptional({ type: Date, description: 'once: ISO 8601, inclusive' })
  @IsOptional()
  @Transform(timeFromText)
  @IsDate({ message: 'schedule.start must be an ISO 8601 time' })
  start?: Date;

  @ApiPropertyOptional({ type: Date, description: 'once: ISO 8601, exclusive' })
  @IsOptional()
  @Transform(timeFromText)
  @IsDate({ message: 'schedule.end must be an ISO 8601 time' })
  end?: Date;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'weekly: an IANA time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({
    type: () => WeeklyWindowDto,
    isArray: true,
    minItems: 1,
    maxItems: SCHEDULE_LIMITS.windows,
    description: 'weekly: the schedule holds while any window does',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SCHEDULE_LIMITS.windows)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  windows?: WeeklyWindowDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: LOCAL_DATE.source,
    example: '2026-12-31',
    description: 'weekly: the last local date a window opens on (one open then runs to its end)',
  })
  @IsOptional()
  @IsString()
  @Matches(LOCAL_DATE, { message: 'lastDate must be a date YYYY-MM-DD' })
  lastDate?: string | null;
}
