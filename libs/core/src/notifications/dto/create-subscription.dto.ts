import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { trimString } from '../../common/trim.transform.js';
import { STRING_MAP } from '../../openapi/api-docs.decorators.js';
import { RouteConditionDto, ROUTE_LIMITS } from '../../routing/dto/route-set.dto.js';
import { DEFAULT_TRANSITIONS, TRANSITIONS, type Transition } from '../alert-transition.js';
import { DESTINATION_KIND_IDS, type DestinationKindId } from '../kinds/destination-kinds.js';
import { SubscriptionTemplateDto } from './subscription-template.dto.js';

/** Bounds of what one subscription may ask for. */
export const SUBSCRIPTION_LIMITS = {
  headers: 20,
  ratePerMinute: 6000,
  concurrency: 32,
} as const;

export class CreateSubscriptionDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'Trimmed', example: 'on-call webhook' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: DESTINATION_KIND_IDS, enumName: 'DestinationKind' })
  @IsIn(DESTINATION_KIND_IDS)
  kind!: DestinationKindId;

  @ApiProperty({
    maxLength: 2000,
    description:
      'Where to POST: any https URL for webhook; the robot or bot URL for dingtalk ' +
      '(with access_token), feishu, wecom (with key) and slack. Answered shortened: it may hold a token',
    example: 'https://receiver.example/alert-hub',
  })
  @IsString()
  @Length(1, 2000)
  url!: string;

  @ApiPropertyOptional({
    minLength: 16,
    maxLength: 500,
    description:
      'webhook: the HMAC key of X-Alert-Hub-Signature (required); dingtalk and feishu: the ' +
      "signing secret of the bot, if signing is on. Never answered: `{set: true}` tells it's there",
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  secret?: string;

  @ApiPropertyOptional({
    ...STRING_MAP,
    description: `webhook only: headers sent with every delivery (at most ${SUBSCRIPTION_LIMITS.headers}); values never answered`,
  })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({
    enum: TRANSITIONS,
    enumName: 'AlertTransition',
    isArray: true,
    default: DEFAULT_TRANSITIONS,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSITIONS, { each: true })
  transitions?: Transition[];

  @ApiPropertyOptional({
    type: () => RouteConditionDto,
    isArray: true,
    maxItems: ROUTE_LIMITS.conditionsPerRule,
    description:
      "Conditions in the routing grammar, all of which the alert must meet (status reads 'resolved' on alert.resolved); none: every alert",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROUTE_LIMITS.conditionsPerRule)
  @ValidateNested({ each: true })
  @Type(() => RouteConditionDto)
  filter?: RouteConditionDto[];

  @ApiPropertyOptional({
    type: () => SubscriptionTemplateDto,
    nullable: true,
    description: "Title and body of messages; null or absent: the kind's default",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubscriptionTemplateDto)
  template?: SubscriptionTemplateDto | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: SUBSCRIPTION_LIMITS.ratePerMinute,
    description:
      'Messages a minute at most, whichever server process sends (one at a time per subscription); more waiting go as digests. Default: the kind’s (dingtalk 20, wecom 20, feishu 100, slack 60, webhook 600)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SUBSCRIPTION_LIMITS.ratePerMinute)
  ratePerMinute?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: SUBSCRIPTION_LIMITS.concurrency,
    default: 4,
    description:
      'Requests in flight at once (one server process at a time sends to a subscription; one alert’s always one at a time)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SUBSCRIPTION_LIMITS.concurrency)
  concurrency?: number;
}
