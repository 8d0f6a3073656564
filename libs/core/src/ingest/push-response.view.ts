import { ApiProperty } from '@nestjs/swagger';
import { PushSummary } from '../events/normalized-event.js';

/** The core's answer to a stored push, a beat or the admin's test push. */
export class PushResponse {
  @ApiProperty({ format: 'uuid', description: 'Also in the X-Request-Id header' })
  request_id!: string;

  @ApiProperty({ type: PushSummary })
  data!: PushSummary;
}
