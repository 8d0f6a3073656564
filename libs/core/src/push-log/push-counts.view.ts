import { ApiProperty } from '@nestjs/swagger';
import type { PushOutcome } from '../ingest/push-record.js';

/** An integration's pushes since a time, by outcome. */
export class IntegrationPushCounts implements Record<PushOutcome, number> {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ type: 'integer' })
  accepted!: number;

  @ApiProperty({ type: 'integer' })
  refused!: number;

  @ApiProperty({ type: 'integer' })
  failed!: number;
}
