import type { Notification } from './notification.entity.js';

/**
 * Notifications in log order as up to `count` messages of up to `size` each, a prefix of them:
 * it ends before a notification whose alert is in an earlier message, or that would make a
 * message too many.
 */
export function messagesOf(
  notifications: readonly Notification[],
  size: number,
  count: number,
): Notification[][] {
  const messages: Notification[][] = [];
  const messageOf = new Map<number, number>();
  for (const notification of notifications) {
    const last = messages.length - 1;
    const known = messageOf.get(notification.alertId);
    if (known !== undefined && known !== last) break;
    if (last >= 0 && (messages[last]?.length ?? 0) < size) {
      messages[last]?.push(notification);
    } else if (known === undefined && messages.length < count) {
      messages.push([notification]);
    } else {
      break;
    }
    messageOf.set(notification.alertId, messages.length - 1);
  }
  return messages;
}
