import { describe, expect, it } from '@jest/globals';
import { logIdOf, notificationId } from './notification-ids.js';

const SUBSCRIPTION = '2f1c7a52-8d0e-4a4c-9a41-2c3b7c0f9e11';
const OTHER = '9b7e1f36-0c55-4e0b-8f3f-5d1a2b3c4d5e';

describe('notificationId', () => {
  it('is a version 8 UUID, the same for the same subscription and log row', () => {
    const id = notificationId(SUBSCRIPTION, 42);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(notificationId(SUBSCRIPTION, 42)).toBe(id);
    expect(notificationId(SUBSCRIPTION, 43)).not.toBe(id);
    expect(notificationId(OTHER, 42)).not.toBe(id);
  });

  it('gives back the log row it was made from, for its own subscription only', () => {
    for (const logId of [0, 1, 255, 65_536, 2 ** 40 + 7, 2 ** 48 - 1])
      expect(logIdOf(SUBSCRIPTION, notificationId(SUBSCRIPTION, logId))).toBe(logId);
    expect(logIdOf(OTHER, notificationId(SUBSCRIPTION, 42))).toBeUndefined();
    expect(logIdOf(SUBSCRIPTION, '018f2c3e-1b2a-7c3d-8e4f-5a6b7c8d9e0f')).toBeUndefined();
    expect(logIdOf(SUBSCRIPTION, 'not an id')).toBeUndefined();
  });

  it("sorts one subscription's ids by log id", () => {
    const ids = [3, 700, 70_000, 2 ** 33].map((logId) => notificationId(SUBSCRIPTION, logId));
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses a log id it cannot carry', () => {
    expect(() => notificationId(SUBSCRIPTION, 2 ** 48)).toThrow(RangeError);
    expect(() => notificationId(SUBSCRIPTION, -1)).toThrow(RangeError);
  });
});
