import { InvalidParameterError } from '../common/api-error.js';
import type { RouteCondition } from '../routing/route-set.js';
import { parseConditions, type ConditionInput } from '../routing/route-set-validation.js';

/**
 * What counts as a beat: `ping`, a request to the integration's heartbeat URL; `push`, any push
 * the integration accepts; `events`, events of its pushes that match `conditions` (those are
 * beats only: counted, never stored).
 */
export const HEARTBEAT_SOURCES = ['ping', 'push', 'events'] as const;
export type HeartbeatSource = (typeof HEARTBEAT_SOURCES)[number];

/**
 * Bounds of a heartbeat, in seconds. A minute at least between beats: the sweep looks every
 * HEARTBEAT_SWEEP_MS (30 s), so a shorter interval would be missed late anyway. Thirty days at
 * most, so a monthly job fits. Grace up to a day, a minute unless set.
 */
export const HEARTBEAT_LIMITS = {
  intervalSeconds: { min: 60, max: 2_592_000 },
  graceSeconds: { min: 0, max: 86_400, default: 60 },
  conditions: { min: 1, max: 20 },
} as const;

/** A dead-man's switch on an integration: an alert opens when no beat came in time. */
export interface HeartbeatSettings {
  enabled: boolean;
  intervalSeconds: number;
  graceSeconds: number;
  source: HeartbeatSource;
  /** All must hold for an event to be a beat; empty unless `source` is `events`. */
  conditions: RouteCondition[];
}

/** When the watch started (or the latest beat came) at `from` expires without a beat. */
export function heartbeatDueAt(heartbeat: HeartbeatSettings, from: Date): Date {
  const seconds = heartbeat.intervalSeconds + heartbeat.graceSeconds;
  return new Date(from.getTime() + seconds * 1000);
}

/** Whether the integration's heartbeat is watched: set, switched on, and the integration enabled. */
export function isWatched(integration: {
  enabled: boolean;
  heartbeat: HeartbeatSettings | null;
}): boolean {
  return integration.enabled && integration.heartbeat?.enabled === true;
}

/** A heartbeat as the API receives it, its types already checked by `HeartbeatDto`. */
export interface HeartbeatInput {
  enabled?: boolean;
  intervalSeconds: number;
  graceSeconds?: number;
  source: HeartbeatSource;
  conditions?: ConditionInput[];
}

/**
 * The heartbeat in its stored form, defaults filled in. Throws a 400 naming each problem the DTO
 * cannot see: a condition the routing grammar refuses, conditions for a source that takes none.
 */
export function parseHeartbeat(input: HeartbeatInput): HeartbeatSettings {
  const problems: string[] = [];
  const conditions = parseConditions(input.conditions ?? [], 'heartbeat.conditions', problems);
  if (input.source !== 'events' && input.conditions !== undefined) {
    problems.push(
      `heartbeat.conditions: only the source events takes conditions, not ${input.source}`,
    );
  }
  if (problems.length > 0) {
    throw new InvalidParameterError(`invalid heartbeat: ${problems.join('; ')}`, problems);
  }
  return {
    enabled: input.enabled ?? true,
    intervalSeconds: input.intervalSeconds,
    graceSeconds: input.graceSeconds ?? HEARTBEAT_LIMITS.graceSeconds.default,
    source: input.source,
    conditions,
  };
}
