import { isTimeZoneName } from '@alert-hub/plugin-sdk';
import { InvalidParameterError } from '../common/api-error.js';
import { parseConditions, type ConditionInput } from '../routing/route-set-validation.js';
import type {
  SilenceDefinition,
  SilenceMode,
  SilenceSchedule,
  SilenceScope,
  ScopeType,
  Weekday,
} from './silence.js';

/** A silence as the API receives it, its types already checked by the DTOs. */
export interface SilenceInput {
  reason: string;
  conditions: ConditionInput[];
  scope: { type: ScopeType; integrationId?: string; channelId?: string };
  schedule: {
    type: 'once' | 'weekly';
    /** Null as absent: the DTOs let an optional field be null. */
    start?: Date | null;
    end?: Date | null;
    timezone?: string | null;
    windows?: Array<{ days: Weekday[]; start: string; end: string }> | null;
    lastDate?: string | null;
  };
  mode?: SilenceMode;
  expiresAt?: Date | null;
}

/** Times both databases store faithfully. */
const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T00:00:00Z');

function timeProblem(name: string, time: Date | undefined | null): string | null {
  if (time === undefined || time === null) return null;
  const ms = time.getTime();
  return ms >= EARLIEST && ms <= LATEST ? null : `${name} must be between 1970 and 9999`;
}

function parseScope(input: SilenceInput['scope'], problems: string[]): SilenceScope {
  const { type, integrationId, channelId } = input;
  if (type === 'integration') {
    if (integrationId === undefined) problems.push('scope: integration needs integrationId');
    if (channelId !== undefined) problems.push('scope: integration takes no channelId');
    return { type, integrationId: integrationId ?? '' };
  }
  if (type === 'channel') {
    if (channelId === undefined) problems.push('scope: channel needs channelId');
    if (integrationId !== undefined) problems.push('scope: channel takes no integrationId');
    return { type, channelId: channelId ?? '' };
  }
  if (integrationId !== undefined || channelId !== undefined) {
    problems.push('scope: all takes no integrationId nor channelId');
  }
  return { type: 'all' };
}

function isCalendarDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
}

function parseSchedule(input: SilenceInput['schedule'], problems: string[]): SilenceSchedule {
  const { lastDate } = input;
  const start = input.start ?? undefined;
  const end = input.end ?? undefined;
  const timezone = input.timezone ?? undefined;
  const windows = input.windows ?? undefined;
  if (input.type === 'once') {
    if (start === undefined || end === undefined)
      problems.push('schedule: once needs start and end');
    if (timezone !== undefined || windows !== undefined || lastDate !== undefined) {
      problems.push('schedule: once takes no timezone, windows nor lastDate');
    }
    if (start !== undefined && end !== undefined && end.getTime() <= start.getTime()) {
      problems.push('schedule: end must be after start');
    }
    for (const problem of [
      timeProblem('schedule.start', start),
      timeProblem('schedule.end', end),
    ]) {
      if (problem !== null) problems.push(problem);
    }
    return {
      type: 'once',
      start: start?.toISOString() ?? '',
      end: end?.toISOString() ?? '',
    };
  }
  if (start !== undefined || end !== undefined)
    problems.push('schedule: weekly takes no start nor end');
  if (timezone === undefined) problems.push('schedule: weekly needs a timezone');
  else if (!isTimeZoneName(timezone)) problems.push(`schedule: unknown time zone "${timezone}"`);
  if (windows === undefined || windows.length === 0)
    problems.push('schedule: weekly needs windows');
  (windows ?? []).forEach((window, index) => {
    if (window.start === window.end) {
      problems.push(
        `schedule.windows[${index}]: start and end are the same; a whole day is 00:00 to 24:00`,
      );
    }
  });
  if (lastDate !== undefined && lastDate !== null && !isCalendarDate(lastDate)) {
    problems.push(`schedule: lastDate ${lastDate} is no calendar date`);
  }
  return {
    type: 'weekly',
    timezone: timezone ?? 'UTC',
    windows: (windows ?? []).map((window) => ({
      days: [...new Set(window.days)],
      start: window.start,
      end: window.end,
    })),
    lastDate: lastDate ?? null,
  };
}

/**
 * Checks what the DTO types cannot express (which fields a scope or schedule type takes, the
 * conditions as routing checks them, a time zone the runtime knows) and returns the silence in
 * its typed form. Throws a 400 naming every problem.
 */
export function parseSilence(input: SilenceInput): SilenceDefinition {
  const problems: string[] = [];
  const conditions = parseConditions(input.conditions, 'conditions', problems);
  const scope = parseScope(input.scope, problems);
  const schedule = parseSchedule(input.schedule, problems);
  const expiryProblem = timeProblem('expiresAt', input.expiresAt);
  if (expiryProblem !== null) problems.push(expiryProblem);
  if (problems.length > 0) {
    throw new InvalidParameterError(`invalid silence: ${problems.join('; ')}`, problems);
  }
  return {
    reason: input.reason,
    conditions,
    scope,
    schedule,
    mode: input.mode ?? 'mark',
    expiresAt: input.expiresAt ?? null,
  };
}
