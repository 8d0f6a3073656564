import type { PushTransitions } from '../notifications/push-transitions.js';

/** Stores a push and notifies nobody: for tests of ingestion that are not about notifications. */
export const noNotifications = {
  around: <T>(_push: unknown, store: () => Promise<T>) => store(),
} as unknown as PushTransitions;
