import { Injectable } from '@nestjs/common';
import { HeartbeatBeats } from '../../../heartbeats/heartbeat-beats.service.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/** A request to the heartbeat URL is a beat and nothing else: no body is read. */
@Injectable()
export class PingStep implements IngestStep {
  readonly name = 'ping';

  constructor(private readonly heartbeats: HeartbeatBeats) {}

  async run(run: IngestRun): Promise<void> {
    if (!run.push.ping) return;
    const { integration, push } = run;
    run.finish(await this.heartbeats.ping(integration, push.receivedAt, push.requestId));
  }
}
