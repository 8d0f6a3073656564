import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { AlertEvent } from '../events/alert-event.entity.js';
import { RouteDecision } from '../routing/route-decision.js';

/** An event of the payload as a push would store it, and where routing would send it. */
export class PreviewedEvent extends IntersectionType(
  PickType(AlertEvent, ['alertKey', 'title', 'status', 'severity', 'labels'] as const),
  RouteDecision,
) {}

/** Why a push with these routes would be refused as a whole, as its error answer would say. */
export class PreviewRefusal {
  @ApiProperty({ type: 'integer', example: 422 })
  status!: number;

  @ApiProperty({ example: 'NoRoute' })
  code!: string;

  @ApiProperty()
  message!: string;
}

export class RoutePreviewView {
  @ApiProperty({
    enum: ['candidate', 'saved'],
    description: "Whose rules were tried: those in the request, or the integration's saved ones",
  })
  routes!: 'candidate' | 'saved';

  @ApiProperty({
    type: PreviewRefusal,
    nullable: true,
    description:
      'Set when the push would be refused as a whole (422 NoRoute: no rules and no default ' +
      'channels), so nothing would be stored; null when it would be accepted',
  })
  refused!: PreviewRefusal | null;

  @ApiProperty({ type: () => PreviewedEvent, isArray: true, description: 'In payload order' })
  events!: PreviewedEvent[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Uptime Kuma test notification: no monitor changed state',
    description:
      'What the plugin noted about the payload, as the push log would show it (why it gives no events); for a subscription handshake, what a push would confirm. Null when nothing was noted',
  })
  note!: string | null;
}
