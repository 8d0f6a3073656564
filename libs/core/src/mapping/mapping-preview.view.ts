import { ApiProperty, PickType } from '@nestjs/swagger';
import { AlertEvent } from '../events/alert-event.entity.js';

/** An event of the payload as a push would store it (severity and status maps applied). */
export class MappedEventView extends PickType(AlertEvent, [
  'alertKey',
  'status',
  'severity',
  'eventStatus',
  'sourceSeverity',
  'title',
  'description',
  'labels',
  'links',
  'eventTime',
] as const) {}

/** One alert key of the payload and the events (by index) that fold into its alert. */
export class AlertKeyFold {
  @ApiProperty({ description: 'As stored: over-long keys are already hashed' })
  alertKey!: string;

  @ApiProperty({
    type: 'integer',
    isArray: true,
    description: 'Indexes in `events` of the events of this key, in payload order',
  })
  events!: number[];
}

export class MappingPreviewView {
  @ApiProperty({
    enum: ['candidate', 'saved'],
    description: "Whose mapping was tried: the one in the request, or the integration's saved one",
  })
  mapping!: 'candidate' | 'saved';

  @ApiProperty({ type: () => MappedEventView, isArray: true, description: 'In payload order' })
  events!: MappedEventView[];

  @ApiProperty({
    type: () => AlertKeyFold,
    isArray: true,
    description: 'The distinct alert keys, in payload order: each is one alert of the integration',
  })
  alertKeys!: AlertKeyFold[];
}
