import { describe, expect, it } from '@jest/globals';
import { timeOrderedUuid } from './time-ordered-uuid.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID that starts with the time in milliseconds', () => {
    const at = Date.UTC(2026, 11, 6, 22, 30, 0, 123);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time, and never repeats across many pools of random bytes', () => {
    const ids = Array.from({ length: 2_000 }, (_, index) => timeOrderedUuid(1_000_000 + index));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const sameMillisecond = Array.from({ length: 2_000 }, () => timeOrderedUuid(42));
    expect(new Set(sameMillisecond).size).toBe(sameMillisecond.length);
    for (const id of sameMillisecond) expect(id).toMatch(UUID_V7);
  });
});
