import { Injectable } from '@nestjs/common';
import type { RoutedEvent } from '../events/normalized-event.js';
import { ActiveSilences } from './active-silences.js';
import { applySilences, type SilencedCounts } from './apply-silences.js';
import type { CompiledSilence, PushSilences } from './compiled-silence.js';

export interface SilencingResult {
  /** The events to store: dropped copies removed, marked ones named. */
  events: RoutedEvent[];
  counts: SilencedCounts;
  /** For the push log: which silences dropped how many copies; null when none dropped any. */
  note: string | null;
}

/** `dropped by silence 3f…: 2 events (reason "db maintenance")`, per silence. */
export function dropNote(
  matched: ReadonlyMap<CompiledSilence, { dropped: number }>,
): string | null {
  const parts = [...matched]
    .filter(([, { dropped }]) => dropped > 0)
    .map(
      ([silence, { dropped }]) =>
        `${dropped} event${dropped === 1 ? '' : 's'} dropped by silence ${silence.id} (${JSON.stringify(silence.reason)})`,
    );
  return parts.length === 0 ? null : parts.join('; ');
}

/** The silence step of the ingest path, with the silences in force for the push. */
@Injectable()
export class PushSilencing {
  constructor(private readonly active: ActiveSilences) {}

  /** The silences in force for a push of the integration; null (the usual case): none. */
  async forPush(integrationId: string, receivedAt: Date): Promise<PushSilences | null> {
    const index = await this.active.index();
    return index.forPush(integrationId, receivedAt.getTime());
  }

  apply(silences: PushSilences, routed: readonly RoutedEvent[], receivedAt: Date): SilencingResult {
    const outcome = applySilences(silences, routed);
    if (outcome.matched.size > 0) this.active.recordMatches(outcome.matched.keys(), receivedAt);
    return { events: outcome.events, counts: outcome.counts, note: dropNote(outcome.matched) };
  }
}
