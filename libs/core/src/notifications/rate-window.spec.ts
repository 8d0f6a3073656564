import { describe, expect, it } from '@jest/globals';
import { CALM_AFTER_MS, RateWindow } from './rate-window.js';

describe('RateWindow', () => {
  it('lets `limit` messages out in any window, and more as the oldest leave it', () => {
    const window = new RateWindow(3, 1000);
    expect(window.available(0)).toBe(3);
    window.record(0);
    window.record(100);
    window.record(200);
    expect(window.available(999)).toBe(0);
    expect(window.available(1000)).toBe(1);
    expect(window.available(1200)).toBe(3);
  });

  it('counts the sends it started with, as they leave the window', () => {
    const window = new RateWindow(3, 1000, [100, 400]);
    expect(window.available(500)).toBe(1);
    expect(window.available(1100)).toBe(2);
    expect(window.available(1400)).toBe(3);
  });

  it('sends nothing while the destination said it is limited, then storms until calm', () => {
    const window = new RateWindow(10, 1000);
    window.rateLimited(0, 5000);
    expect(window.available(4999)).toBe(0);
    expect(window.available(5000)).toBe(10);
    expect(window.isStorming).toBe(true);
    window.calmed(5000);
    expect(window.isStorming).toBe(true);
    window.calmed(5000 + CALM_AFTER_MS);
    expect(window.isStorming).toBe(false);
    window.rateLimited(6000, undefined);
    expect(window.available(6999)).toBe(0);
    expect(window.available(7000)).toBe(10);
  });

  it('storms on through moments with nothing waiting, shorter than the calm it needs', () => {
    const window = new RateWindow(10, 60_000);
    window.overflowed();
    window.calmed(0);
    window.busy();
    window.calmed(CALM_AFTER_MS - 1);
    window.calmed(CALM_AFTER_MS + 100);
    expect(window.isStorming).toBe(true);
    window.calmed(2 * CALM_AFTER_MS);
    expect(window.isStorming).toBe(false);
  });
});
