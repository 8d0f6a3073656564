import { errorResponseFor } from '../common/error-response.js';
import type { PushSummary } from '../events/normalized-event.js';
import { ReasonedPushError } from './reasoned-push-error.js';
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
  /** Events of an accepted push that its integration's pipeline dropped, by reason. */
  dropped?: ReadonlyMap<string, number>;
  /** What silences did to an accepted push's events; absent when none took any. */
  silenced?: SilencedCounts;
}

/** What is known of every push however it ends: who sent it to what, when, and for how long. */
export interface PushTrace {
  requestId: string;
  pluginId: string;
  integrationId: string | null;
  receivedAt: Date;
  durationMs: number;
}

/**
 * The record of a push whose events are stored (or whose beat or handshake is). Written out
 * field by field, here and below: a spread of the trace followed by more fields costs V8 about
 * 3 µs per object, more than routing a push.
 */
export function acceptedPushRecord(
  trace: PushTrace,
  httpStatus: number,
  summary: PushSummary,
  note: string | null,
  taken: Pick<PushRecord, 'dropped' | 'silenced'> = {},
): PushRecord {
  return {
    requestId: trace.requestId,
    pluginId: trace.pluginId,
    integrationId: trace.integrationId,
    receivedAt: trace.receivedAt,
    durationMs: trace.durationMs,
    httpStatus,
    outcome: 'accepted',
    errorCode: null,
    errorMessage: null,
    summary,
    note,
    dropped: taken.dropped,
    silenced: taken.silenced,
  };
}

/**
 * The record of a push answered with an error, wherever it was thrown: before the handler (the
 * push gate, reading the body) or in it. The status and code are the ones the sender got.
 */
export function unacceptedPushRecord(trace: PushTrace, error: unknown): PushRecord {
  const { status, error: body } = errorResponseFor(error);
  return {
    requestId: trace.requestId,
    pluginId: trace.pluginId,
    integrationId: trace.integrationId,
    receivedAt: trace.receivedAt,
    durationMs: trace.durationMs,
    httpStatus: status,
    outcome: status >= 500 ? 'failed' : 'refused',
    errorCode: body.code,
    // The sender is told only what kind of failure it was; the admin reads why here.
    errorMessage: error instanceof ReasonedPushError ? error.reason : body.message,
    summary: null,
    note: null,
  };
}
