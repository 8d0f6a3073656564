/**
 * Where a connection for a host really goes (curl's `--connect-to`): the URL, the TLS name and
 * the `Host` header stay those of `host`. For tests against a local fake host, and for mirrors.
 */
export interface ConnectTo {
  /** A host pattern as in `outboundHosts` (`sns.*.amazonaws.com`). */
  host: string;
  port: number;
  toHost: string;
  toPort: number;
}

/** How the core's outbound client behaves; see README, Configuration (`OUTBOUND_*`). */
export interface OutboundOptions {
  /** Until the TCP connection and the TLS handshake are done. */
  connectTimeoutMs: number;
  /** The whole fetch, redirects and body included. */
  timeoutMs: number;
  /** CA certificates (PEM) trusted besides Node's bundled roots. */
  extraCaPem?: string;
  /** Replaces the `outboundHosts` of the plugins it names; entries may carry a port. */
  allowedHosts?: Readonly<Record<string, readonly string[]>>;
  connectTo?: readonly ConnectTo[];
  /**
   * Notifications only: resolved addresses they may not connect to (CIDR blocks); the defaults
   * are `DEFAULT_DENIED_ADDRESSES`.
   */
  deniedAddresses?: readonly string[];
  /** Notifications only: exempted from `deniedAddresses` (e.g. `127.0.0.1/32` for a local test). */
  allowedAddresses?: readonly string[];
  /** Notifications only: plain `http://` URLs are refused unless this is true. */
  allowPlainHttp?: boolean;
}

export const OUTBOUND_DEFAULTS: OutboundOptions = { connectTimeoutMs: 5_000, timeoutMs: 10_000 };
