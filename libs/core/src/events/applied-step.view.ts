import { ApiProperty } from '@nestjs/swagger';
import { PIPELINE_STEP_KINDS, type AppliedStep, type PipelineStepKind } from './applied-step.js';

/** A step of a pipeline that changed an event, as the event keeps it. */
export class AppliedStepView implements AppliedStep {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: "Its place in the pipeline's steps then",
  })
  index!: number;

  @ApiProperty({ enum: PIPELINE_STEP_KINDS, enumName: 'PipelineStepKind' })
  kind!: PipelineStepKind;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;
}
