import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsOptional, ValidateNested } from 'class-validator';
import { RouteSetDto } from './route-set.dto.js';

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
