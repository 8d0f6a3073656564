import type { IntegrationPlugin } from '@alert-hub/plugin-sdk';
import type { NormalizedEvent, PushSummary } from '../../events/normalized-event.js';
import type { Integration } from '../../integrations/integration.entity.js';
import type { RoutePreview } from '../../routing/routing.service.js';
import type { PipelineOutcome } from '../../pipeline/pipeline-runner.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import type { RouteSet } from '../../routing/route-set.js';
import type { SilencedCounts } from '../../silences/apply-silences.js';
import type { Push } from '../push.js';
import { PushParseContext } from '../push-parse-context.js';

/** What a preview tries instead of what the integration has saved. */
export interface IngestCandidates {
  routes?: RouteSet;
  pipeline?: Pipeline;
}

/** Events a drop step of the pipeline took, by reason. */
export type DroppedEvents = Map<string, number>;

/**
 * One push (or one preview) on its way through the flow: each step reads what the steps before
 * it left here and adds its own part. A step that answers the push by itself (a ping, a
 * handshake) sets `finished`, and the steps after it do not run.
 */
export class IngestRun {
  readonly context: PushParseContext;
  /** The events still to store, in payload order, as the steps so far left them. */
  events: NormalizedEvent[] = [];
  /** Events of the push that were heartbeat beats: counted, not stored. */
  beats = 0;
  /** Per event of `events`, the channels routing chose; empty: unrouted. */
  channelIds: string[][] = [];
  /** Events the pipeline dropped, counted by the reason of the step that did. */
  dropped: DroppedEvents = new Map();
  /** In a preview: what the pipeline made of each event it saw, dropped ones included. */
  enriched: { before: NormalizedEvent; outcome: PipelineOutcome }[] | null = null;
  /** Per event of `events`, the silence that marked each copy (by channel), if any did. */
  silenceMarks: Array<ReadonlyMap<string | null, string> | undefined> = [];
  /** Events silences dropped whole: no longer in `events`, still counted as received. */
  droppedEvents = 0;
  /** What silences did, when they took any copy. */
  silenced: SilencedCounts | undefined;
  /** Which silences dropped events, for the push log. */
  silenceNote: string | null = null;
  /** In a preview: what routing decided and why, or null when it did not run. */
  routing: RoutePreview | null = null;
  /** What the push did; null until a step answered it. */
  summary: PushSummary | null = null;
  /** What the core noted instead of storing events (a handshake confirmed); else the plugin's. */
  coreNote: string | null = null;
  finished = false;

  constructor(
    readonly integration: Integration,
    readonly plugin: IntegrationPlugin,
    readonly push: Push,
    readonly candidates: IngestCandidates = {},
  ) {
    this.context = new PushParseContext(push.receivedAt, push.headers, integration.settings);
  }

  /**
   * What the push log shows about the push: the core's note, else the plugin's last one; then
   * the events the pipeline dropped (stored nowhere else) and which silences dropped events.
   */
  get note(): string | null {
    const notes = [this.coreNote ?? this.context.lastNote];
    if (this.dropped.size > 0) {
      const reasons = [...this.dropped].map(([reason, count]) => `${reason} (${count})`).join(', ');
      notes.push(`dropped by the pipeline: ${reasons}`);
    }
    notes.push(this.silenceNote);
    const written = notes.filter((note): note is string => note !== null);
    return written.length === 0 ? null : written.join('; ');
  }

  /** Events the pipeline or silences dropped, all reasons together. */
  get droppedCount(): number {
    let count = this.droppedEvents;
    for (const dropped of this.dropped.values()) count += dropped;
    return count;
  }

  /**
   * The push had events, but none is left to store: all were beats or dropped. Such a push
   * stores nothing, so it needs no route.
   */
  get nothingLeftToStore(): boolean {
    return this.events.length === 0 && (this.beats > 0 || this.droppedCount > 0);
  }

  /** Ends the run here with this answer: the steps after the current one do not run. */
  finish(summary: PushSummary, note: string | null = null): void {
    this.summary = summary;
    this.coreNote = note;
    this.finished = true;
  }
}
