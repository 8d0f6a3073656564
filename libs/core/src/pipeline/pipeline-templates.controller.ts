import { Controller, Get } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { AdminApi, ApiData } from '../openapi/api-docs.decorators.js';
import { PipelineStepDto } from './dto/pipeline-step.dto.js';
import { PIPELINE_TEMPLATES, type PipelineTemplate } from './pipeline-templates.js';

export class PipelineTemplateView implements PipelineTemplate {
  @ApiProperty({ example: 'volcengine-vmp' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: () => PipelineStepDto, isArray: true })
  steps!: PipelineStepDto[];
}

@AdminApi('pipeline')
@Controller('api/v1/pipeline-templates')
export class PipelineTemplatesController {
  /** Ready-made steps for our own sources: append them to a pipeline's `steps`. */
  @Get()
  @ApiData('Step lists for our own sources, to copy into a pipeline', [PipelineTemplateView])
  list(): { data: readonly PipelineTemplate[] } {
    return { data: PIPELINE_TEMPLATES };
  }
}
