import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { UUID_LIST } from '../../openapi/api-docs.decorators.js';
import {
  CONDITION_OPERATORS,
  EVENT_FIELDS,
  LABEL_FIELD_PREFIX,
  LIST_OPERATORS,
  PRESENCE_OPERATORS,
  VALUE_OPERATORS,
  type ConditionOperator,
} from '../route-set.js';
import { KNOWN_VALUES, type RouteSetInput } from '../route-set-validation.js';

/** Limits that keep one push's routing cheap and a rule set readable. */
export const ROUTE_LIMITS = {
  rules: 100,
  conditionsPerRule: 20,
  channelsPerRule: 20,
  valuesPerCondition: 100,
  valueLength: 1000,
} as const;

const KNOWN_VALUES_DOC = Object.entries(KNOWN_VALUES)
  .map(([field, values]) => `${field} is one of ${values.join(', ')}`)
  .join('; ');

/** Which values an operator takes is checked by `parseRouteSet`, with clearer messages. */
export class RouteConditionDto {
  @ApiProperty({
    description: `An event field, or \`${LABEL_FIELD_PREFIX}<name>\` for a label`,
    anyOf: [
      { type: 'string', enum: [...EVENT_FIELDS] },
      { type: 'string', pattern: '^labels\\..+' },
    ],
    maxLength: 300,
    example: 'labels.team',
  })
  @IsString()
  @Length(1, 300)
  field!: string;

  @ApiProperty({
    enum: CONDITION_OPERATORS,
    enumName: 'ConditionOperator',
    description:
      `${VALUE_OPERATORS.join(', ')} take \`value\`; ${LIST_OPERATORS.join(', ')} take ` +
      `\`values\`; ${PRESENCE_OPERATORS.join(', ')} take neither. Negative operators hold for an ` +
      'event without the field. Patterns are RE2, unanchored.',
  })
  @IsIn(CONDITION_OPERATORS)
  operator!: ConditionOperator;

  @ApiPropertyOptional({
    maxLength: ROUTE_LIMITS.valueLength,
    description: `Compared exactly, or a pattern. ${KNOWN_VALUES_DOC}`,
    example: 'db',
  })
  @IsOptional()
  @IsString()
  @MaxLength(ROUTE_LIMITS.valueLength)
  value?: string;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: ROUTE_LIMITS.valuesPerCondition,
    example: ['staging', 'prod'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.valuesPerCondition)
  @IsString({ each: true })
  @MaxLength(ROUTE_LIMITS.valueLength, { each: true })
  values?: string[];
}

export class RouteRuleDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'Trimmed', example: 'database' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    type: () => RouteConditionDto,
    isArray: true,
    maxItems: ROUTE_LIMITS.conditionsPerRule,
    description: 'All must hold; a rule without conditions matches every event',
  })
  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.conditionsPerRule)
  @ValidateNested({ each: true })
  @Type(() => RouteConditionDto)
  conditions!: RouteConditionDto[];

  @ApiProperty({
    ...UUID_LIST,
    minItems: 1,
    maxItems: ROUTE_LIMITS.channelsPerRule,
    description: 'Receive the events the rule matches',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROUTE_LIMITS.channelsPerRule)
  @IsUUID('all', { each: true })
  channelIds!: string[];

  @ApiPropertyOptional({
    default: false,
    description: 'After a match, go on to the next rules instead of stopping',
  })
  @IsOptional()
  @IsBoolean()
  continue?: boolean;
}

export class RouteSetDto implements RouteSetInput {
  @ApiProperty({
    type: () => RouteRuleDto,
    isArray: true,
    maxItems: ROUTE_LIMITS.rules,
    description: 'Tried in order; the first match stops unless it says continue',
  })
  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.rules)
  @ValidateNested({ each: true })
  @Type(() => RouteRuleDto)
  rules!: RouteRuleDto[];

  @ApiPropertyOptional({
    ...UUID_LIST,
    maxItems: ROUTE_LIMITS.channelsPerRule,
    description: 'Receive the events no rule matched; without them those events are unrouted',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.channelsPerRule)
  @IsUUID('all', { each: true })
  defaultChannelIds?: string[];
}
