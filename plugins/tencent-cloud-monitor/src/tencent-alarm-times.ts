import {
  PayloadError,
  readInteger,
  readZonedTime,
  type EventStatus,
  type JsonObject,
} from '@alert-hub/plugin-sdk';

/** When an alarm started, ended, and when this push saw it. */
export interface AlarmTimes {
  readonly startsAt?: Date;
  readonly endsAt?: Date;
  readonly eventTime?: Date;
  /** `durationTime` as sent, in seconds. */
  readonly durationSeconds?: number;
}

/** `recoverTime` while the alarm is still on. */
const NOT_RECOVERED = '0';

function readDurationSeconds(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const seconds = readInteger(value, '$.durationTime');
  if (seconds < 0) {
    throw new PayloadError(`expected seconds (0 or more), got ${seconds}`, '$.durationTime');
  }
  return seconds;
}

function readRecoverTime(value: unknown, timeZone: string): Date | undefined {
  if (value === NOT_RECOVERED || value === 0) return undefined;
  return readZonedTime(value, '$.recoverTime', timeZone);
}

function afterDuration(startsAt: Date, durationSeconds: number): Date {
  const evaluatedAt = new Date(startsAt.getTime() + durationSeconds * 1000);
  // Past the year 9999 a time has no four-digit ISO year, which the databases store wrongly.
  const year = evaluatedAt.getUTCFullYear();
  if (Number.isNaN(year) || year > 9999) {
    throw new PayloadError(
      `expected seconds that end before the year 10000, got ${durationSeconds}`,
      '$.durationTime',
    );
  }
  return evaluatedAt;
}

/**
 * `firstOccurTime` starts the alarm and stays the same in every push of it, its recovery
 * included; `recoverTime` ends it (`"0"` while it is on, and ignored then: the doc example of a
 * firing alarm carries one). Both are local times in `timeZone`. `durationTime` runs from
 * `firstOccurTime` to this push's evaluation, which makes that the event time of a firing push.
 */
export function readAlarmTimes(
  alarm: JsonObject,
  status: EventStatus,
  timeZone: string,
): AlarmTimes {
  const startsAt = readZonedTime(alarm.firstOccurTime, '$.firstOccurTime', timeZone);
  const recoveredAt = readRecoverTime(alarm.recoverTime, timeZone);
  const durationSeconds = readDurationSeconds(alarm.durationTime);
  const endsAt = status === 'resolved' ? recoveredAt : undefined;
  const evaluatedAt =
    startsAt === undefined || durationSeconds === undefined
      ? startsAt
      : afterDuration(startsAt, durationSeconds);
  return { startsAt, endsAt, eventTime: endsAt ?? evaluatedAt, durationSeconds };
}
