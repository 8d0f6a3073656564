import type { RoutedEvent } from '../events/normalized-event.js';
import type { CompiledSilence, PushSilences } from './compiled-silence.js';

/** What silences did to a push's events, counted per copy (one per channel, as `stored` is). */
export interface SilencedCounts {
  /** Copies stored flagged silenced (mode mark). */
  marked: number;
  /** Copies not stored (mode drop). */
  dropped: number;
}

export interface SilencedPush {
  /** The events to store: dropped copies removed, marked ones named in `silences`. */
  events: RoutedEvent[];
  counts: SilencedCounts;
  /** Every silence that took a copy, with how many it dropped. */
  matched: Map<CompiledSilence, { dropped: number }>;
}

/** The first silence that takes the event in `lists`, tried in order; drop wins over mark. */
function silenceOf(
  lists: ReadonlyArray<readonly CompiledSilence[] | undefined>,
  matches: (silence: CompiledSilence) => boolean,
): CompiledSilence | undefined {
  let marking: CompiledSilence | undefined;
  for (const list of lists) {
    for (const silence of list ?? []) {
      if (silence.mode === 'drop') {
        if (matches(silence)) return silence;
      } else if (marking === undefined && matches(silence)) {
        marking = silence;
      }
    }
  }
  return marking;
}

/**
 * The silence step: after routing (a channel's silence needs the channels), before storing.
 * Each copy of a firing event, by channel (or the one copy of an unrouted event), is taken by
 * the first silence in force whose scope and conditions match it: dropped, or marked. A
 * resolution always passes. An event all of whose copies were dropped is not stored at all, not
 * even as unrouted.
 */
export function applySilences(
  silences: PushSilences | null,
  routed: readonly RoutedEvent[],
): SilencedPush {
  const counts: SilencedCounts = { marked: 0, dropped: 0 };
  const matched = new Map<CompiledSilence, { dropped: number }>();
  if (silences === null) return { events: [...routed], counts, matched };
  const events: RoutedEvent[] = [];
  for (const item of routed) {
    if (item.event.status !== 'firing') {
      events.push(item);
      continue;
    }
    const results = new Map<CompiledSilence, boolean>();
    const matches = (silence: CompiledSilence) => {
      let result = results.get(silence);
      if (result === undefined) {
        result = silence.matches(item.event);
        results.set(silence, result);
      }
      return result;
    };
    const copies: Array<string | null> = item.channelIds.length > 0 ? item.channelIds : [null];
    const kept: string[] = [];
    const marks = new Map<string | null, string>();
    let droppedCopies = 0;
    for (const channelId of copies) {
      const channelSilences = channelId === null ? undefined : silences.byChannel.get(channelId);
      const silence = silenceOf([silences.wide, channelSilences], matches);
      if (silence === undefined) {
        if (channelId !== null) kept.push(channelId);
        continue;
      }
      const tally = matched.get(silence) ?? { dropped: 0 };
      matched.set(silence, tally);
      if (silence.mode === 'drop') {
        tally.dropped += 1;
        droppedCopies += 1;
        continue;
      }
      marks.set(channelId, silence.id);
      if (channelId !== null) kept.push(channelId);
    }
    counts.dropped += droppedCopies;
    counts.marked += marks.size;
    if (droppedCopies === copies.length) continue;
    if (droppedCopies === 0 && marks.size === 0) events.push(item);
    else if (marks.size === 0) events.push({ event: item.event, channelIds: kept });
    else events.push({ event: item.event, channelIds: kept, silences: marks });
  }
  return { events, counts, matched };
}
