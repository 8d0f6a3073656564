import { Table } from '../storage/index.js';
import type { Notification } from './notification.entity.js';

/**
 * `notifications` as the worker's own statements read it (`NotificationQueue`): it claims and
 * settles rows many times a second, by hand-written SQL rather than TypeORM's builders.
 */
export const NOTIFICATIONS = new Table<Notification>('notifications', {
  id: { name: 'id', kind: 'text' },
  subscriptionId: { name: 'subscription_id', kind: 'text' },
  alertId: { name: 'alert_id', kind: 'integer' },
  sequence: { name: 'sequence', kind: 'integer' },
  transition: { name: 'transition', kind: 'text' },
  severity: { name: 'severity', kind: 'text' },
  occurredAt: { name: 'occurred_at', kind: 'time' },
  snapshot: { name: 'snapshot', kind: 'json' },
  state: { name: 'state', kind: 'text' },
  attempts: { name: 'attempts', kind: 'integer' },
  nextAttemptAt: { name: 'next_attempt_at', kind: 'time' },
  claimedUntil: { name: 'claimed_until', kind: 'time', nullable: true },
  createdAt: { name: 'created_at', kind: 'time' },
  finishedAt: { name: 'finished_at', kind: 'time', nullable: true },
  lastError: { name: 'last_error', kind: 'text', nullable: true },
});
