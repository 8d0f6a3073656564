import { Injectable } from '@nestjs/common';
import type { NormalizedEvent } from '../../../events/normalized-event.js';
import { PipelineService } from '../../../pipeline/pipeline.service.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/**
 * The integration's processing pipeline: labels, severity, title and description as its steps
 * say, and the events its drop steps take out (counted in the run, never stored). The alert key
 * is the plugin's, from the source's own identity, so no step can split a firing from its
 * resolution; what routing and deduplication read (labels, severity) is what the steps left.
 */
@Injectable()
export class PipelineStep implements IngestStep {
  readonly name = 'pipeline';

  constructor(private readonly pipelines: PipelineService) {}

  async run(run: IngestRun): Promise<void> {
    if (!this.pipelines.has(run.integration) || run.events.length === 0) return;
    const outcomes = await this.pipelines.run(run.integration, run.events);
    const kept: NormalizedEvent[] = [];
    for (const { event, applied, droppedBy } of outcomes) {
      if (droppedBy !== null) {
        run.dropped.set(droppedBy.reason, (run.dropped.get(droppedBy.reason) ?? 0) + 1);
        continue;
      }
      if (applied.length > 0) event.pipelineSteps = applied;
      kept.push(event);
    }
    run.events = kept;
  }

  /** The candidate pipeline, or the saved one, with what it made of each event kept for show. */
  async preview(run: IngestRun): Promise<void> {
    const candidate = run.candidates.pipeline;
    if (candidate === undefined && !this.pipelines.has(run.integration)) return;
    const before = run.events;
    const outcomes = await this.pipelines.run(run.integration, before, candidate);
    run.enriched = outcomes.map((outcome, index) => ({
      before: before[index] ?? outcome.event,
      outcome,
    }));
    run.events = outcomes.flatMap(({ event, droppedBy }) => (droppedBy === null ? [event] : []));
  }
}
