import { InitialSchema1764140000000 } from './1764140000000-initial-schema.js';
import { RoutesAndPushLog1764400000000 } from './1764400000000-routes-and-push-log.js';
import { RetentionIndex1764500000000 } from './1764500000000-retention-index.js';
import { RetentionIndexByCreation1764600000000 } from './1764600000000-retention-index-by-creation.js';
import { AlertIdentityByIntegration1764700000000 } from './1764700000000-alert-identity-by-integration.js';
import { IntegrationSettings1764800000000 } from './1764800000000-integration-settings.js';
import { AutoResolve1764900000000 } from './1764900000000-auto-resolve.js';
import { SubscriptionConfirmationsAndPushNotes1764950000000 } from './1764950000000-subscription-confirmations-and-push-notes.js';
import { IntegrationSettingsVersion1765000000000 } from './1765000000000-integration-settings-version.js';
import { Heartbeats1765100000000 } from './1765100000000-heartbeats.js';
import { AdminSessions1765200000000 } from './1765200000000-admin-sessions.js';
import { RawEventJsonAsText1765300000000 } from './1765300000000-raw-event-json-as-text.js';
import { ProcessingPipeline1765500000000 } from './1765500000000-processing-pipeline.js';
import { Silences1765600000000 } from './1765600000000-silences.js';
import { Notifications1765800000000 } from './1765800000000-notifications.js';
import { PendingNotificationIndexes1765900000000 } from './1765900000000-pending-notification-indexes.js';
import { PendingNotificationOrderIndex1766000000000 } from './1766000000000-pending-notification-order-index.js';
import { NotificationRowUpdates1766100000000 } from './1766100000000-notification-row-updates.js';
import { NotificationRepeats1766200000000 } from './1766200000000-notification-repeats.js';
import { PendingNotificationDueOrder1766300000000 } from './1766300000000-pending-notification-due-order.js';
import { NotificationLog1766500000000 } from './1766500000000-notification-log.js';
import { SubscriptionLeases1766400000000 } from './1766400000000-subscription-leases.js';

/** In the order they run. ESM builds cannot glob for migrations, so they are listed here. */
export const MIGRATIONS = [
  InitialSchema1764140000000,
  RoutesAndPushLog1764400000000,
  RetentionIndex1764500000000,
  RetentionIndexByCreation1764600000000,
  AlertIdentityByIntegration1764700000000,
  IntegrationSettings1764800000000,
  AutoResolve1764900000000,
  SubscriptionConfirmationsAndPushNotes1764950000000,
  IntegrationSettingsVersion1765000000000,
  Heartbeats1765100000000,
  AdminSessions1765200000000,
  RawEventJsonAsText1765300000000,
  ProcessingPipeline1765500000000,
  Silences1765600000000,
  Notifications1765800000000,
  PendingNotificationIndexes1765900000000,
  PendingNotificationOrderIndex1766000000000,
  NotificationRowUpdates1766100000000,
  NotificationRepeats1766200000000,
  PendingNotificationDueOrder1766300000000,
  SubscriptionLeases1766400000000,
  NotificationLog1766500000000,
];
