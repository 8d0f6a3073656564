import { readZonedTime } from '@alert-hub/plugin-sdk';
import { WEEKDAYS, type SilenceSchedule, type WeeklySchedule } from './silence.js';
import { dayOfDate, minuteOfTime, wallClockAt, weekdayOf, type WallClock } from './wall-clock.js';

/** Whether the schedule holds at an instant (epoch milliseconds). */
export type ScheduleTest = (epochMilliseconds: number) => boolean;

const MINUTE_MILLISECONDS = 60_000;

interface MinuteWindow {
  /** By weekday, 0 for Sunday. */
  days: boolean[];
  start: number;
  end: number;
  /** Closes the next day. */
  crossesMidnight: boolean;
}

function minuteWindows(schedule: WeeklySchedule): MinuteWindow[] {
  return schedule.windows.map((window) => {
    const start = minuteOfTime(window.start);
    const end = minuteOfTime(window.end);
    const days = WEEKDAYS.map((weekday) => window.days.includes(weekday));
    return { days, start, end, crossesMidnight: end <= start };
  });
}

/**
 * A window holds at a local time when the wall clock shows a minute in it on a day it opens (or,
 * for one that crosses midnight, before its end on the day after). Wall clock, not elapsed
 * time: on the spring-forward night a 01:30–03:30 window lasts an hour (02:00–02:59 never
 * shows), on the fall-back night three (02:00–02:59 shows twice).
 */
function weeklyHolds(windows: MinuteWindow[], lastDay: number, clock: WallClock): boolean {
  const today = weekdayOf(clock.day);
  const yesterday = (today + 6) % 7;
  return windows.some((window) => {
    const afterStart = clock.minute >= window.start;
    const opensToday = clock.day <= lastDay && window.days[today] === true;
    if (opensToday && afterStart && (window.crossesMidnight || clock.minute < window.end)) {
      return true;
    }
    return (
      window.crossesMidnight &&
      clock.day - 1 <= lastDay &&
      window.days[yesterday] === true &&
      clock.minute < window.end
    );
  });
}

/**
 * The schedule as a test of instants. A weekly one reads the zone's wall clock once per minute
 * at most: windows open and close on whole minutes, and today's zones are offset by whole
 * minutes, so every instant of a minute gets the same answer.
 */
export function compileSchedule(schedule: SilenceSchedule): ScheduleTest {
  if (schedule.type === 'once') {
    const start = Date.parse(schedule.start);
    const end = Date.parse(schedule.end);
    return (at) => at >= start && at < end;
  }
  const windows = minuteWindows(schedule);
  const lastDay = schedule.lastDate === null ? Infinity : dayOfDate(schedule.lastDate);
  const { timezone } = schedule;
  let cachedMinute = NaN;
  let cachedResult = false;
  return (at) => {
    const minute = Math.floor(at / MINUTE_MILLISECONDS);
    if (minute !== cachedMinute) {
      cachedResult = weeklyHolds(windows, lastDay, wallClockAt(timezone, at));
      cachedMinute = minute;
    }
    return cachedResult;
  };
}

/**
 * When the schedule has ended for good: a once schedule at its end; a weekly one with a last
 * date at the close of the latest window that can open that day; else never (null).
 */
export function scheduleEnd(schedule: SilenceSchedule): Date | null {
  if (schedule.type === 'once') return new Date(schedule.end);
  if (schedule.lastDate === null) return null;
  const closing = Math.max(
    ...schedule.windows.map((window) => {
      const start = minuteOfTime(window.start);
      const end = minuteOfTime(window.end);
      return end <= start ? 24 * 60 + end : end;
    }),
  );
  const day = dayOfDate(schedule.lastDate) + Math.floor(closing / (24 * 60));
  const minute = closing % (24 * 60);
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
  return readZonedTime(`${date} ${time}`, '$.schedule.lastDate', schedule.timezone) ?? null;
}
