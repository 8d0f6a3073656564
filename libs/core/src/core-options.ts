import type { NotificationOptions } from './notifications/notification-options.js';
import type { OutboundOptions } from './outbound/outbound-options.js';

export type DatabaseOptions =
  | { type: 'sqlite'; path: string }
  | {
      type: 'postgres';
      url: string;
      /** Connections per process; default 16. */
      poolSize?: number;
      /** A query storing pushes unanswered this long fails: 503; default 30 000. */
      pushQueryTimeoutMs?: number;
    };

/** Everything the core needs from the app's configuration; the core never reads the environment. */
export interface CoreOptions {
  database: DatabaseOptions;
  /** Base of push URLs, e.g. `https://alerts.example.com`, without a trailing slash. */
  publicUrl: string;
  adminToken: string;
  /** When set, `GET /metrics` wants it as a bearer token; otherwise it is open. */
  metricsToken?: string;
  /** Events received longer ago are purged in the background; default 30 (see retention/). */
  eventRetentionDays?: number;
  /** Between two sweeps resolving alerts past their auto-resolve time; default 60 000 (ms). */
  autoResolveSweepMs?: number;
  /** Between two sweeps opening the alerts of heartbeats past their due time; default 30 000 (ms). */
  heartbeatSweepMs?: number;
  /** Between two sweeps un-silencing alerts whose silence ended; default 60 000 (ms). */
  silenceSweepMs?: number;
  /** A stored event's raw JSON larger than this is kept as a marker; default 65 536 (64 KiB). */
  maxEventRawBytes?: number;
  /** The outbound client of plugins (certificates, handshakes); defaults in `OUTBOUND_DEFAULTS`. */
  outbound?: Partial<OutboundOptions>;
  /** The delivery of notifications; defaults in `NOTIFICATION_DEFAULTS`. */
  notifications?: Partial<NotificationOptions>;
}

export const CORE_OPTIONS = Symbol('CORE_OPTIONS');
