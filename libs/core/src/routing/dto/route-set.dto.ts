import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { trimString } from '../../common/trim.transform.js';
import { CONDITION_OPERATORS, type ConditionOperator } from '../route-set.js';
import type { RouteSetInput } from '../route-set-validation.js';

/** Limits that keep one push's routing cheap and a rule set readable. */
export const ROUTE_LIMITS = {
  rules: 100,
  conditionsPerRule: 20,
  channelsPerRule: 20,
  valuesPerCondition: 100,
  valueLength: 1000,
} as const;

/** Which values an operator takes is checked by `parseRouteSet`, with clearer messages. */
export class RouteConditionDto {
  @IsString()
  @Length(1, 300)
  field!: string;

  @IsIn(CONDITION_OPERATORS)
  operator!: ConditionOperator;

  @IsOptional()
  @IsString()
  @MaxLength(ROUTE_LIMITS.valueLength)
  value?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.valuesPerCondition)
  @IsString({ each: true })
  @MaxLength(ROUTE_LIMITS.valueLength, { each: true })
  values?: string[];
}

export class RouteRuleDto {
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.conditionsPerRule)
  @ValidateNested({ each: true })
  @Type(() => RouteConditionDto)
  conditions!: RouteConditionDto[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROUTE_LIMITS.channelsPerRule)
  @IsUUID('all', { each: true })
  channelIds!: string[];

  @IsOptional()
  @IsBoolean()
  continue?: boolean;
}

export class RouteSetDto implements RouteSetInput {
  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.rules)
  @ValidateNested({ each: true })
  @Type(() => RouteRuleDto)
  rules!: RouteRuleDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.channelsPerRule)
  @IsUUID('all', { each: true })
  defaultChannelIds?: string[];
}
