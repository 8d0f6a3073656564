import { Injectable } from '@nestjs/common';
import { EMPTY_ROUTE_SET } from '../../../routing/route-set.js';
import { RoutingService } from '../../../routing/routing.service.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/**
 * Chooses each event's channels. It runs after the steps that change events, so rules can test
 * what they added (a label the pipeline set). A push of beats alone stores nothing, so it needs
 * no route.
 */
@Injectable()
export class RouteStep implements IngestStep {
  readonly name = 'route';

  constructor(private readonly routing: RoutingService) {}

  run(run: IngestRun): void {
    if (run.beats > 0 && run.events.length === 0) return;
    run.channelIds = this.routing.route(run.integration, run.events);
  }

  /** The decisions and their reasons, with the candidate rules if any; for shared integrations. */
  preview(run: IngestRun): void {
    const { integration, candidates } = run;
    if (integration.type !== 'shared') return;
    run.routing = this.routing.preview(
      integration.id,
      candidates.routes ?? integration.routes ?? EMPTY_ROUTE_SET,
      run.events,
    );
  }
}
