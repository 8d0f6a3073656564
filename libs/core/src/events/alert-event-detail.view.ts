import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { AlertEvent } from './alert-event.entity.js';

class EventRaw {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "This event's part of the payload, as received; above MAX_EVENT_RAW_BYTES, " +
      '`{truncated: true, bytes, sha256, prefix}`: its size and hash, and its beginning as text',
  })
  raw!: unknown;
}

/** One event with its part of the payload: what `GET /events/:id` answers. */
export class AlertEventDetail extends IntersectionType(AlertEvent, EventRaw) {}
