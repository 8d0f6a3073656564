import { Injectable } from '@nestjs/common';
import { PushSilencing } from '../../../silences/push-silencing.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/**
 * Applies the silences in force when the push was received (silences/): after `route`, since a
 * silence may be scoped to a channel, and before `store`, which then writes marked copies
 * flagged and never sees dropped ones. It has no preview: `POST /silences/preview` tries a
 * silence on stored events instead.
 */
@Injectable()
export class SilenceStep implements IngestStep {
  readonly name = 'silence';

  constructor(private readonly silencing: PushSilencing) {}

  async run(run: IngestRun): Promise<void> {
    if (run.events.length === 0) return;
    const silences = await this.silencing.forPush(run.integration.id, run.push.receivedAt);
    if (silences === null) return;
    const routed = run.events.map((event, index) => ({
      event,
      channelIds: run.channelIds[index] ?? [],
    }));
    const { events, counts, note } = this.silencing.apply(silences, routed, run.push.receivedAt);
    if (counts.marked === 0 && counts.dropped === 0) return;
    run.droppedEvents = routed.length - events.length;
    run.events = events.map((routedEvent) => routedEvent.event);
    run.channelIds = events.map((routedEvent) => routedEvent.channelIds);
    run.silenceMarks = events.map((routedEvent) => routedEvent.silences);
    run.silenced = counts;
    run.silenceNote = note;
  }
}
