import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_OUTCOMES,
  DELIVERY_TYPES,
  type DeliveryAttempt,
  type DeliveryOutcome,
  type DeliveryType,
} from './delivery-attempt.entity.js';

/** One attempt of the delivery log. */
export class DeliveryView {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ enum: DELIVERY_TYPES, enumName: 'DeliveryType' })
  type!: DeliveryType;

  @ApiProperty({ type: [String], description: 'The notifications it carried, oldest first' })
  notificationIds!: string[];

  @ApiProperty()
  attemptedAt!: Date;

  @ApiProperty({ enum: DELIVERY_OUTCOMES, enumName: 'DeliveryOutcome' })
  outcome!: DeliveryOutcome;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Null when no answer came' })
  httpStatus!: number | null;

  @ApiProperty({ type: 'integer' })
  latencyMs!: number;

  @ApiProperty({ type: String, nullable: true })
  error!: string | null;
}

export function deliveryView(attempt: DeliveryAttempt): DeliveryView {
  return {
    id: attempt.id,
    type: attempt.kind,
    notificationIds: attempt.notificationIds,
    attemptedAt: attempt.attemptedAt,
    outcome: attempt.outcome,
    httpStatus: attempt.httpStatus,
    latencyMs: attempt.latencyMs,
    error: attempt.error,
  };
}

/** What a test delivery or a preview shows: the message, and for a test how it went. */
export class RenderedMessageView {
  @ApiProperty()
  title!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'The request body the destination would receive (JSON text)' })
  body!: string;
}

export class TestDeliveryView extends DeliveryView {
  @ApiProperty({ type: RenderedMessageView })
  message!: RenderedMessageView;
}
