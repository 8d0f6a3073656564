import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  Min,
  ValidateNested,
} from 'class-validator';
import { RouteSetDto } from './route-set.dto.js';

/** Stored events one preview may route again: a page of the console's recent events. */
export const PREVIEWED_EVENTS_MAX = 50;

export class PreviewRoutesDto {
  /** A body as the source would push it; the plugin's first sample when absent. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "A body as the source would push it; the plugin's first sample when absent",
  })
  @IsOptional()
  @Allow()
  payload?: unknown;

  /** Stored events of the integration, routed again instead of a payload's. */
  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    minItems: 1,
    maxItems: PREVIEWED_EVENTS_MAX,
    description:
      'Ids of stored events of this integration, routed again as they were stored (routing reads only their labels, title, description, severity and status); instead of `payload`. An id that is no event of this integration answers 404',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PREVIEWED_EVENTS_MAX)
  @IsInt({ each: true })
  @Min(1, { each: true })
  eventIds?: number[];

  /** Candidate rules to try; the integration's saved rules when absent. */
  @ApiPropertyOptional({
    type: () => RouteSetDto,
    description: "Candidate rules to try; the integration's saved rules when absent",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RouteSetDto)
  routes?: RouteSetDto;
}
