import { ApiProperty } from '@nestjs/swagger';
import { PushSummary } from '../events/normalized-event.js';
import { PUSH_OUTCOMES, type PushOutcome } from '../ingest/push-record.js';
import type { PushLogEntry } from './push-log-entry.entity.js';

/** A push as the push log shows it; never the key it came with. */
export class PushLogView {
  @ApiProperty({ format: 'uuid', description: 'The X-Request-Id of the push, as its answer said' })
  requestId!: string;

  @ApiProperty()
  receivedAt!: Date;

  @ApiProperty({
    example: 'prometheus',
    description: "The plugin of the URL pushed to, which may not be the integration's (409)",
  })
  pluginId!: string;

  @ApiProperty({
    enum: PUSH_OUTCOMES,
    enumName: 'PushOutcome',
    description: "accepted; refused: the sender's fault (4xx); failed: ours (5xx), to be retried",
  })
  outcome!: PushOutcome;

  @ApiProperty({ type: 'integer', example: 200, description: 'The status the push was answered' })
  httpStatus!: number;

  @ApiProperty({ type: String, nullable: true, example: 'InvalidPayload' })
  errorCode!: string | null;

  @ApiProperty({ type: String, nullable: true, maxLength: 1000 })
  errorMessage!: string | null;

  @ApiProperty({ type: 'integer', description: 'Time to answer, rounded' })
  durationMs!: number;

  @ApiProperty({
    type: PushSummary,
    nullable: true,
    description: 'What the push stored, as its 200 answer said; null when it was not accepted',
  })
  counts!: PushSummary | null;

  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 1000,
    example: 'Uptime Kuma test notification: no monitor changed state',
    description:
      'What the plugin noted about an accepted push (why it stored nothing), or the subscription handshake the core performed for it',
  })
  note!: string | null;
}

export function pushLogView(entry: PushLogEntry): PushLogView {
  const { events, stored, deduplicated, unrouted, beats } = entry;
  const accepted = events !== null && stored !== null && deduplicated !== null && unrouted !== null;
  return {
    requestId: entry.requestId,
    receivedAt: entry.receivedAt,
    pluginId: entry.pluginId,
    outcome: entry.outcome,
    httpStatus: entry.httpStatus,
    errorCode: entry.errorCode,
    errorMessage: entry.errorMessage,
    durationMs: entry.durationMs,
    counts: accepted ? { events, stored, deduplicated, unrouted, beats: beats ?? 0 } : null,
    note: entry.note,
  };
}
