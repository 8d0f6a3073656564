/** Loopback receivers, plain HTTP, fast retries: see README, Notifications, for the variables. */
export const NOTIFY_TEST_ENV: Record<string, string> = {
  OUTBOUND_ALLOW_HTTP: 'true',
  OUTBOUND_ALLOWED_ADDRESSES: '127.0.0.1/32',
  NOTIFY_POLL_MS: '100',
  NOTIFY_RETRY_BASE_MS: '100',
  NOTIFY_RETRY_MAX_MS: '400',
  NOTIFY_DEAD_AFTER_MS: '3000',
  NOTIFY_TIMEZONE: 'Asia/Shanghai',
  // The "minute" of rate bounds, and how long a rate-limited destination waits without Retry-After.
  NOTIFY_RATE_WINDOW_MS: '2000',
};
