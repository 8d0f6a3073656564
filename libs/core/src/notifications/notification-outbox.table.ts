import { Table } from '../storage/index.js';
import type { OutboxRow } from './alert-transition.js';

/**
 * `notification_outbox`, the log of transitions, as the storage layer writes it, in the
 * transaction of the pushes whose transitions its rows are (`OutboxContributor`); on PostgreSQL
 * the database adds each row's order key. Subscriptions read it through `NotificationLog`.
 */
export const NOTIFICATION_OUTBOX = new Table<OutboxRow>('notification_outbox', {
  id: { name: 'id', kind: 'id' },
  alertId: { name: 'alert_id', kind: 'integer' },
  channelId: { name: 'channel_id', kind: 'text' },
  transition: { name: 'transition', kind: 'text' },
  severity: { name: 'severity', kind: 'text' },
  occurredAt: { name: 'occurred_at', kind: 'time' },
  snapshot: { name: 'snapshot', kind: 'json' },
});
