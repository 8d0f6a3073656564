import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RouteConditionDto } from '../../routing/dto/route-set.dto.js';
import {
  HEARTBEAT_LIMITS,
  HEARTBEAT_SOURCES,
  type HeartbeatSource,
} from '../heartbeat-settings.js';

const { intervalSeconds, graceSeconds, conditions } = HEARTBEAT_LIMITS;

/**
 * The heartbeat of an integration as a client sets it, whole. Which operators take which values,
 * and whether a pattern compiles, is checked with the routing rules' own checks.
 */
export class HeartbeatDto {
  @ApiPropertyOptional({
    default: true,
    description: 'false keeps the settings but watches nothing',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: intervalSeconds.min,
    maximum: intervalSeconds.max,
    description: 'Seconds between two beats the source is expected to give',
    example: 300,
  })
  @IsInt()
  @Min(intervalSeconds.min)
  @Max(intervalSeconds.max)
  intervalSeconds!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: graceSeconds.min,
    maximum: graceSeconds.max,
    default: graceSeconds.default,
    description: 'Seconds a beat may come late before the alert opens',
  })
  @IsOptional()
  @IsInt()
  @Min(graceSeconds.min)
  @Max(graceSeconds.max)
  graceSeconds?: number;

  @ApiProperty({
    enum: HEARTBEAT_SOURCES,
    enumName: 'HeartbeatSource',
    description:
      'ping: a request to the pingUrl of the heartbeat; push: any push it accepts; ' +
      'events: events of its pushes matching `conditions`, counted as beats and never stored',
  })
  @IsIn(HEARTBEAT_SOURCES)
  source!: HeartbeatSource;

  @ApiPropertyOptional({
    type: () => RouteConditionDto,
    isArray: true,
    minItems: conditions.min,
    maxItems: conditions.max,
    description:
      'Required for the source events, refused for the others: all must hold (the grammar of ' +
      'routing rules), e.g. labels.alertname equals Watchdog',
  })
  @ValidateIf((dto: HeartbeatDto) => dto.source === 'events' || dto.conditions !== undefined)
  @IsArray()
  @ArrayMinSize(conditions.min)
  @ArrayMaxSize(conditions.max)
  @ValidateNested({ each: true })
  @Type(() => RouteConditionDto)
  conditions?: RouteConditionDto[];
}
