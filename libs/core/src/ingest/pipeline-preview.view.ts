import { ApiProperty, PickType } from '@nestjs/swagger';
import { AlertEvent } from '../events/alert-event.entity.js';
import { AppliedStepView } from '../events/applied-step.view.js';

/** The parts of an event a pipeline can change, and what identifies it. */
export class PreviewedEventState extends PickType(AlertEvent, [
  'alertKey',
  'status',
  'severity',
  'title',
  'description',
  'labels',
] as const) {}

export class DropView {
  @ApiProperty({ type: 'integer' })
  index!: number;

  @ApiProperty()
  reason!: string;
}

/** One event before and after the pipeline. */
export class PipelinePreviewEvent {
  @ApiProperty({ type: PreviewedEventState })
  before!: PreviewedEventState;

  @ApiProperty({
    type: PreviewedEventState,
    nullable: true,
    description: 'Null when a drop step took the event: it would not be stored',
  })
  after!: PreviewedEventState | null;

  @ApiProperty({
    type: () => AppliedStepView,
    isArray: true,
    description: 'The steps that changed it',
  })
  steps!: AppliedStepView[];

  @ApiProperty({ type: DropView, nullable: true })
  dropped!: DropView | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'For a stored event: its id. Its stored form is the starting point, so steps that already changed it (`pipelineSteps` of the event) show no change again',
  })
  storedEventId!: number | null;
}

export class PipelinePreviewView {
  @ApiProperty({ enum: ['candidate', 'saved'] })
  pipeline!: 'candidate' | 'saved';

  @ApiProperty({
    enum: ['payload', 'sample', 'stored'],
    description: "What was run: the payload given, the plugin's first sample, or stored events",
  })
  source!: 'payload' | 'sample' | 'stored';

  @ApiProperty({ type: () => PipelinePreviewEvent, isArray: true })
  events!: PipelinePreviewEvent[];

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}
