import { Injectable } from '@nestjs/common';
import { HeartbeatBeats } from '../../../heartbeats/heartbeat-beats.service.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/**
 * Takes the events that are heartbeat beats out of the push, before anything enriches or routes
 * them: a beat says the source is alive, whatever an admin's pipeline makes of alerts. Previews
 * keep them, to show every event of the payload.
 */
@Injectable()
export class HeartbeatBeatsStep implements IngestStep {
  readonly name = 'heartbeat-beats';

  constructor(private readonly heartbeats: HeartbeatBeats) {}

  run(run: IngestRun): void {
    const { beats, others } = this.heartbeats.sortOut(run.integration, run.events);
    run.beats = beats;
    run.events = others;
  }
}
