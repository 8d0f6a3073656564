import type { RouteCondition } from '../routing/route-set.js';

export const SILENCE_MODES = ['mark', 'drop'] as const;
/**
 * `mark`: the event is stored and folds into its alert, both flagged silenced, and nothing
 * downstream is told. `drop`: the event is not stored; the push log names the silence.
 */
export type SilenceMode = (typeof SILENCE_MODES)[number];

export const SCOPE_TYPES = ['all', 'integration', 'channel'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Which events a silence may match at all: every one, one integration's, or one channel's copies. */
export type SilenceScope =
  | { type: 'all' }
  | { type: 'integration'; integrationId: string }
  | { type: 'channel'; channelId: string };

/** Index = `Date.prototype.getUTCDay()` of a local date: Sunday first. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A window opening on each of `days` at `start` (`HH:MM`, local) and closing at `end` the same
 * day, or the next day when `end` is not after `start` (Fri 22:00 → Sat 02:00). `24:00` is the
 * end of the day.
 */
export interface WeeklyWindow {
  days: Weekday[];
  start: string;
  end: string;
}

/** From `start` (inclusive) to `end` (exclusive), ISO 8601 instants. */
export interface OnceSchedule {
  type: 'once';
  start: string;
  end: string;
}

/**
 * Recurring windows in the wall-clock time of an IANA zone. `lastDate` (`YYYY-MM-DD`, local) is
 * the last day a window may open on; one opened then still runs to its end.
 */
export interface WeeklySchedule {
  type: 'weekly';
  timezone: string;
  windows: WeeklyWindow[];
  lastDate: string | null;
}

export type SilenceSchedule = OnceSchedule | WeeklySchedule;

/** What a silence is, as an admin sets it: everything but its bookkeeping. */
export interface SilenceDefinition {
  reason: string;
  /** All must hold, in the routing grammar; none: every event of the scope. */
  conditions: RouteCondition[];
  scope: SilenceScope;
  schedule: SilenceSchedule;
  mode: SilenceMode;
  /** It matches nothing from this instant on; null: until its schedule ends, if ever. */
  expiresAt: Date | null;
}
