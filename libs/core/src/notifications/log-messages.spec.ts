import { describe, expect, it } from '@jest/globals';
import { messagesOf } from './log-messages.js';
import type { Notification } from './notification.entity.js';

/** Notifications of these alerts, in log order (only the alert matters here). */
function of(...alertIds: number[]): Notification[] {
  return alertIds.map((alertId, index) => ({ alertId, sequence: index + 1 }) as Notification);
}

const alertsOf = (messages: Notification[][]) =>
  messages.map((message) => message.map((notification) => notification.alertId));

describe('messagesOf', () => {
  it('one by one: a message per notification, ending before an alert seen already', () => {
    expect(alertsOf(messagesOf(of(1, 2, 3), 1, 5))).toEqual([[1], [2], [3]]);
    expect(alertsOf(messagesOf(of(1, 2, 1, 3), 1, 5))).toEqual([[1], [2]]);
    expect(alertsOf(messagesOf(of(1, 1), 1, 5))).toEqual([[1]]);
  });

  it('stops at the number of messages it may send', () => {
    expect(alertsOf(messagesOf(of(1, 2, 3, 4), 1, 2))).toEqual([[1], [2]]);
    expect(alertsOf(messagesOf(of(1, 2, 3, 4, 5), 2, 2))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('keeps an alert in one digest, never split over two', () => {
    expect(alertsOf(messagesOf(of(1, 2, 1, 3), 3, 2))).toEqual([[1, 2, 1], [3]]);
    // Alert 1 is in the first digest: its next notification waits for the next read.
    expect(alertsOf(messagesOf(of(1, 2, 3, 1), 2, 3))).toEqual([[1, 2], [3]]);
  });

  it('is empty for nothing', () => {
    expect(messagesOf([], 1, 4)).toEqual([]);
    expect(messagesOf(of(1), 1, 0)).toEqual([]);
  });
});
