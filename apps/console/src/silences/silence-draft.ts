import type { Schemas } from '../api/client';
import { cleanCondition, type Condition } from '../routing/conditions';

export type Weekday = Schemas['WeeklyWindowDto']['days'][number];
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface WindowDraft {
  days: Weekday[];
  start: string;
  end: string;
}

/** A silence as its form holds it: times as the browser's `datetime-local` inputs give them. */
export interface SilenceDraft {
  reason: string;
  mode: Schemas['SilenceMode'];
  conditions: Condition[];
  scopeType: Schemas['SilenceScopeType'];
  integrationId: string;
  channelId: string;
  scheduleType: 'once' | 'weekly';
  /** Local date-times (`YYYY-MM-DDTHH:MM`) in the browser's zone. */
  start: string;
  end: string;
  timezone: string;
  windows: WindowDraft[];
  lastDate: string;
  expiresAt: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO time as a `datetime-local` value, in the browser's zone. */
export function localInputOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = new Date(iso);
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(
    time.getHours(),
  )}:${pad(time.getMinutes())}`;
}

/** A `datetime-local` value (the browser's zone) as an ISO time. */
export function isoOf(local: string): string {
  return new Date(local).toISOString();
}

const HOUR_MS = 3_600_000;

/** A new silence: from now for two hours, in the browser's zone. */
export function newSilenceDraft(now = new Date()): SilenceDraft {
  return {
    reason: '',
    mode: 'mark',
    conditions: [],
    scopeType: 'all',
    integrationId: '',
    channelId: '',
    scheduleType: 'once',
    start: localInputOf(now.toISOString()),
    end: localInputOf(new Date(now.getTime() + 2 * HOUR_MS).toISOString()),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    windows: [{ days: ['sat'], start: '22:00', end: '02:00' }],
    lastDate: '',
    expiresAt: '',
  };
}

export function draftOf(silence: Schemas['SilenceView']): SilenceDraft {
  const fresh = newSilenceDraft();
  const { schedule, scope } = silence;
  return {
    reason: silence.reason,
    mode: silence.mode,
    conditions: silence.conditions,
    scopeType: scope.type,
    integrationId: scope.integrationId ?? '',
    channelId: scope.channelId ?? '',
    scheduleType: schedule.type,
    start: schedule.start ? localInputOf(schedule.start) : fresh.start,
    end: schedule.end ? localInputOf(schedule.end) : fresh.end,
    timezone: schedule.timezone ?? fresh.timezone,
    windows: schedule.windows ?? fresh.windows,
    lastDate: schedule.lastDate ?? '',
    expiresAt: localInputOf(silence.expiresAt),
  };
}

/** What the silence matches, as the API takes it (and its 7-day preview reads). */
export function ruleOf(draft: SilenceDraft): Schemas['SilenceRuleDto'] {
  const scope: Schemas['SilenceScopeDto'] =
    draft.scopeType === 'integration'
      ? { type: 'integration', integrationId: draft.integrationId }
      : draft.scopeType === 'channel'
        ? { type: 'channel', channelId: draft.channelId }
        : { type: 'all' };
  const schedule: Schemas['SilenceScheduleDto'] =
    draft.scheduleType === 'once'
      ? { type: 'once', start: isoOf(draft.start), end: isoOf(draft.end) }
      : {
          type: 'weekly',
          timezone: draft.timezone,
          windows: draft.windows,
          lastDate: draft.lastDate === '' ? null : draft.lastDate,
        };
  return { conditions: draft.conditions.map(cleanCondition), scope, schedule };
}

export function silenceBodyOf(draft: SilenceDraft): Schemas['CreateSilenceDto'] {
  return {
    ...ruleOf(draft),
    reason: draft.reason,
    mode: draft.mode,
    expiresAt: draft.expiresAt === '' ? null : isoOf(draft.expiresAt),
  };
}
