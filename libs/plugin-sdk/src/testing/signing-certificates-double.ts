import { X509Certificate } from 'node:crypto';
import { outboundUrlAllowed } from '../outbound/outbound-host.js';
import { OutboundHostNotAllowed, OutboundRequestFailed } from '../outbound/outbound-errors.js';
import type { SigningCertificates } from '../outbound/signing-certificates.js';

/** The core's certificate fetching, played in a plugin's tests: what was asked for is in `fetched`. */
export interface SigningCertificatesDouble extends SigningCertificates {
  /** Every URL `fetch` was called with, refused ones included, in order. */
  readonly fetched: string[];
}

/**
 * Serves certificates (PEM text, or `X509Certificate`s) by URL as the core would: a URL that is not HTTPS on one of
 * `outboundHosts` (the plugin's) is refused with `OutboundHostNotAllowed` before anything else,
 * and an allowed URL with no certificate here fails with `OutboundRequestFailed`, as a host that
 * cannot be reached does.
 */
export function signingCertificatesDouble(
  certificatesByUrl: Readonly<Record<string, string | X509Certificate>>,
  outboundHosts: readonly string[],
): SigningCertificatesDouble {
  const fetched: string[] = [];
  return {
    fetched,
    fetch: (url) => {
      fetched.push(url);
      if (!outboundUrlAllowed(url, outboundHosts)) {
        return Promise.reject(new OutboundHostNotAllowed(url));
      }
      const certificate = certificatesByUrl[url];
      if (certificate === undefined) {
        return Promise.reject(new OutboundRequestFailed(url, 'no certificate at this URL'));
      }
      return Promise.resolve(
        typeof certificate === 'string' ? new X509Certificate(certificate) : certificate,
      );
    },
  };
}
