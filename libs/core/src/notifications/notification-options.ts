/** How notifications are sent; see README, Configuration (`NOTIFY_*`). */
export interface NotificationOptions {
  /** IANA zone of the times in messages. */
  timeZone: string;
  /** Between two looks at the outbox when nothing woke the worker. */
  pollMs: number;
  /** How long a worker holds the notifications it took; a dead process's are retaken after. */
  leaseMs: number;
  /** A notification failing this long after it was queued is dead (replayable by hand). */
  deadAfterMs: number;
  /** The "minute" of `ratePerMinute`: shorter only to test storms in seconds. */
  rateWindowMs: number;
  /** Wait before the first retry, doubled at each further one, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const NOTIFICATION_DEFAULTS: NotificationOptions = {
  timeZone: 'UTC',
  pollMs: 1000,
  leaseMs: 60_000,
  deadAfterMs: 24 * 3_600_000,
  rateWindowMs: 60_000,
  retryBaseMs: 1000,
  retryMaxMs: 300_000,
};
