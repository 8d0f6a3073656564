import { Injectable } from '@nestjs/common';
import { eventsOfBody } from '../../normalize-event.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/** The plugin reads the body; the core maps severities and bounds lengths (`normalizeEvent`). */
@Injectable()
export class ParseStep implements IngestStep {
  readonly name = 'parse';

  run(run: IngestRun): void {
    run.events = eventsOfBody(run.plugin, run.push.body, run.context);
  }

  preview(run: IngestRun): void {
    this.run(run);
  }
}
