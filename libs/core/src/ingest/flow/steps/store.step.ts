import { Injectable } from '@nestjs/common';
import { EventStore } from '../../../events/event-store.service.js';
import { nothingStored, type PushToStore } from '../../../events/normalized-event.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/**
 * Stores the routed events in one transaction: the push is answered 2xx only after this. Events
 * the pipeline dropped are counted in the summary's `events`, and stored nowhere.
 */
@Injectable()
export class StoreStep implements IngestStep {
  readonly name = 'store';

  constructor(private readonly store: EventStore) {}

  async run(run: IngestRun): Promise<void> {
    const { integration, push, events, channelIds, silenceMarks } = run;
    if (run.nothingLeftToStore) {
      run.summary = { ...nothingStored(), events: run.droppedCount };
      return;
    }
    const toStore: PushToStore = {
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
    };
    // The outbox rows of the alerts' transitions commit with the events (OutboxContributor).
    const summary = await this.store.store(toStore);
    // The payload held the dropped events too: `events` counts them, as it counts beats.
    summary.events += run.droppedCount;
    run.summary = summary;
  }
}
