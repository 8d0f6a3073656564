import { ApiProperty } from '@nestjs/swagger';
import { PipelineDto } from '../pipeline/dto/pipeline-step.dto.js';

/** An integration's pipeline as the API shows it. */
export class PipelineView extends PipelineDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: '0 until the pipeline is first set; each change adds one. PUT needs it',
  })
  version!: number;
}
