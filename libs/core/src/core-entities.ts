import { AdminSession } from './auth/admin-session.entity.js';
import { Channel } from './channels/channel.entity.js';
import { Alert } from './events/alert.entity.js';
import { AlertEvent } from './events/alert-event.entity.js';
import { SubscriptionConfirmation } from './handshakes/subscription-confirmation.entity.js';
import { Integration } from './integrations/integration.entity.js';
import { DeliveryAttempt } from './notifications/delivery-attempt.entity.js';
import { NotificationOutboxEntry } from './notifications/notification-outbox-entry.entity.js';
import { NotificationSubscription } from './notifications/notification-subscription.entity.js';
import { Notification } from './notifications/notification.entity.js';
import { MapTable } from './pipeline/map-table.entity.js';
import { PushLogEntry } from './push-log/push-log-entry.entity.js';
import { Silence } from './silences/silence.entity.js';

/**
 * Every table's entity, for the data source. Listed here, where the core is put together, so
 * that database/ knows no feature: the features use the database, not the reverse.
 */
export const CORE_ENTITIES = [
  Channel,
  Integration,
  AlertEvent,
  Alert,
  PushLogEntry,
  SubscriptionConfirmation,
  AdminSession,
  MapTable,
  Silence,
  NotificationSubscription,
  NotificationOutboxEntry,
  Notification,
  DeliveryAttempt,
];
