import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from './retry-delay.js';

const POLICY = { baseMs: 1000, maxMs: 60_000 };

describe('retryDelayMs', () => {
  it('doubles at each failure, within the upper half of its step', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, POLICY, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, POLICY, () => 1))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than the maximum, however many failures', () => {
    expect(retryDelayMs(50, POLICY, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, POLICY, () => 0.5)).toBe(45_000);
  });
});
