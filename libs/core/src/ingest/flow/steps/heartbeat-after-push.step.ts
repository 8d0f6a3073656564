import { Injectable } from '@nestjs/common';
import { nothingStored } from '../../../events/normalized-event.js';
import { HeartbeatBeats } from '../../../heartbeats/heartbeat-beats.service.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/** Records the beat the stored push gave, if any, and counts its beats in the summary. */
@Injectable()
export class HeartbeatAfterPushStep implements IngestStep {
  readonly name = 'heartbeat-after-push';

  constructor(private readonly heartbeats: HeartbeatBeats) {}

  async run(run: IngestRun): Promise<void> {
    const stored = run.summary ?? nothingStored();
    run.summary = await this.heartbeats.afterPush(run.integration, run.push, stored, run.beats);
  }
}
