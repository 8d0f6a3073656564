import type { NotificationOptions } from '@alert-hub/core';
import { ConfigError } from './config-error.js';

/** The variables of notifications that need more than a type check. */
export interface NotificationVariables {
  NOTIFY_TIMEZONE: string;
  NOTIFY_POLL_MS: number;
  NOTIFY_LEASE_MS: number;
  NOTIFY_DEAD_AFTER_MS: number;
  NOTIFY_RATE_WINDOW_MS: number;
  NOTIFY_RETRY_BASE_MS: number;
  NOTIFY_RETRY_MAX_MS: number;
  OUTBOUND_TIMEOUT_MS: number;
}

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Notification options from the environment; throws `ConfigError` naming the variable. */
export function notificationOptions(variables: NotificationVariables): NotificationOptions {
  if (!knownTimeZone(variables.NOTIFY_TIMEZONE)) {
    throw new ConfigError(
      `NOTIFY_TIMEZONE: "${variables.NOTIFY_TIMEZONE}" is not an IANA time zone (e.g. Asia/Shanghai)`,
    );
  }
  // A lease shorter than a request could let a second process send what the first still sends.
  if (variables.NOTIFY_LEASE_MS <= variables.OUTBOUND_TIMEOUT_MS) {
    throw new ConfigError('NOTIFY_LEASE_MS must be longer than OUTBOUND_TIMEOUT_MS');
  }
  if (variables.NOTIFY_RETRY_BASE_MS > variables.NOTIFY_RETRY_MAX_MS) {
    throw new ConfigError('NOTIFY_RETRY_BASE_MS must be at most NOTIFY_RETRY_MAX_MS');
  }
  return {
    timeZone: variables.NOTIFY_TIMEZONE,
    pollMs: variables.NOTIFY_POLL_MS,
    leaseMs: variables.NOTIFY_LEASE_MS,
    deadAfterMs: variables.NOTIFY_DEAD_AFTER_MS,
    rateWindowMs: variables.NOTIFY_RATE_WINDOW_MS,
    retryBaseMs: variables.NOTIFY_RETRY_BASE_MS,
    retryMaxMs: variables.NOTIFY_RETRY_MAX_MS,
  };
}
