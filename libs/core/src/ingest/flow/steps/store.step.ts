import { Injectable } from '@nestjs/common';
import { EventStore } from '../../../events/event-store.service.js';
import { nothingStored } from '../../../events/normalized-event.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/** Stores the routed events in one transaction: the push is answered 2xx only after this. */
@Injectable()
export class StoreStep implements IngestStep {
  readonly name = 'store';

  constructor(private readonly store: EventStore) {}

  async run(run: IngestRun): Promise<void> {
    const { integration, push, events, channelIds, silenceMarks, droppedEvents } = run;
    if ((run.beats > 0 || droppedEvents > 0) && events.length === 0) {
      run.summary = { ...nothingStored(), events: droppedEvents };
      return;
    }
    const summary = await this.store.store({
      integrationId: integration.id,
      pluginId: integration.pluginId,
      requestId: push.requestId,
      receivedAt: push.receivedAt,
      autoResolveAfterSeconds: integration.autoResolveAfterSeconds,
      events: events.map((event, index) => ({
        event,
        channelIds: channelIds[index] ?? [],
        silences: silenceMarks[index],
      })),
    });
    // Events silences dropped were received all the same.
    run.summary =
      droppedEvents === 0 ? summary : { ...summary, events: summary.events + droppedEvents };
  }
}
