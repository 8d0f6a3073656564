import type { X509Certificate } from 'node:crypto';

/**
 * How a plugin's `verify` gets the certificate a source signs with (AWS SNS, Huawei SMN name it
 * by URL in each message). The core fetches it through its one outbound HTTP client, only from a
 * host on the plugin's `outboundHosts`, over HTTPS, and caches it; the plugin does no I/O itself.
 */
export interface SigningCertificates {
  /**
   * The certificate at `url`. Rejects with {@link OutboundHostNotAllowed} when the URL is not
   * HTTPS on an allowed host (a forger names their own certificate: treat it as a failed
   * verification), or with {@link OutboundRequestFailed} when the host could not be reached or did
   * not answer with a certificate (the core answers the sender 502, so it retries).
   */
  fetch(url: string): Promise<X509Certificate>;
}
