import type { IntegrationPlugin } from '@alert-hub/plugin-sdk';
import type { NormalizedEvent, PushSummary } from '../../events/normalized-event.js';
import type { Integration } from '../../integrations/integration.entity.js';
import type { RoutePreview } from '../../routing/routing.service.js';
import type { RouteSet } from '../../routing/route-set.js';
import type { Push } from '../push.js';
import { PushParseContext } from '../push-parse-context.js';

/** What a preview tries instead of what the integration has saved. */
export interface IngestCandidates {
  routes?: RouteSet;
}

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

  /** What the push log shows about the push: the core's note, else the plugin's last one. */
  get note(): string | null {
    return this.coreNote ?? this.context.lastNote;
  }

  /** Ends the run here with this answer: the steps after the current one do not run. */
  finish(summary: PushSummary, note: string | null = null): void {
    this.summary = summary;
    this.coreNote = note;
    this.finished = true;
  }
}
