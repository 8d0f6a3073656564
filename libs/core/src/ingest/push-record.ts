import type { PushSummary } from '../events/normalized-event.js';
import type { SilencedCounts } from '../silences/apply-silences.js';

export const PUSH_OUTCOMES = ['accepted', 'refused', 'failed'] as const;
export type PushOutcome = (typeof PUSH_OUTCOMES)[number];

/** What happened to one push, accepted or not: what the push log and the metrics are made of. */
export interface PushRecord {
  requestId: string;
  pluginId: string;
  /** Null when the push could not be tied to an integration (no key, unknown key). */
  integrationId: string | null;
  receivedAt: Date;
  durationMs: number;
  httpStatus: number;
  /** `refused`: the sender's fault (4xx); `failed`: ours (5xx), the sender should retry. */
  outcome: PushOutcome;
  errorCode: string | null;
  errorMessage: string | null;
  summary: PushSummary | null;
  /**
   * What the plugin noted about an accepted push (the last of its notes), or what the core did
   * instead of storing events (a handshake confirmed); null when nothing was noted.
   */
  note: string | null;
  /** What silences did to an accepted push's events; absent when none took any. */
  silenced?: SilencedCounts;
}
