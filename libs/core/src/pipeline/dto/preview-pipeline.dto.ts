import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { PipelineDto } from './pipeline-step.dto.js';

/** Stored events a preview reads at most. */
export const PREVIEW_STORED_MAX = 100;

export class PreviewPipelineDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "A body as the source would push it; without it (and without `stored`), the plugin's first sample",
  })
  @IsOptional()
  @Allow()
  payload?: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PREVIEW_STORED_MAX,
    description: "Instead of a payload: the integration's latest this many stored events",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PREVIEW_STORED_MAX)
  stored?: number;

  @ApiPropertyOptional({
    type: () => PipelineDto,
    description: "A candidate pipeline to try; the integration's saved one when absent",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PipelineDto)
  pipeline?: PipelineDto;
}
