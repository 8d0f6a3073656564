import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsObject, IsOptional } from 'class-validator';
import { EventMappingSchema } from '../../integrations/dto/event-mapping.schema.js';

export class PreviewMappingDto {
  @ApiPropertyOptional({
    description:
      "A body as the source would push it (any JSON); the plugin's first sample when absent",
  })
  @IsOptional()
  @Allow()
  payload?: unknown;

  @ApiPropertyOptional({
    type: EventMappingSchema,
    description: "A candidate mapping to try; the integration's saved mapping when absent",
  })
  @IsOptional()
  @IsObject()
  mapping?: Record<string, unknown>;
}
