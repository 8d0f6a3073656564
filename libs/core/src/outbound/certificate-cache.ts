import type { X509Certificate } from 'node:crypto';

/**
 * Signing certificates by URL: a few, the most recently used kept. A source names the same few
 * certificates in every message (AWS puts a new certificate at a new URL), so each is fetched
 * once; only certificates are kept, never a failure, which the next message tries again.
 * Concurrent asks for one URL share one fetch.
 */
export class CertificateCache {
  private readonly certificates = new Map<string, X509Certificate>();
  private readonly fetching = new Map<string, Promise<X509Certificate>>();

  constructor(private readonly capacity: number) {}

  get(url: string, fetch: () => Promise<X509Certificate>): Promise<X509Certificate> {
    const cached = this.certificates.get(url);
    if (cached !== undefined) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
      this.certificates.delete(url);
      this.certificates.set(url, cached);
      return Promise.resolve(cached);
    }
    const pending = this.fetching.get(url);
    if (pending !== undefined) return pending;
    const fetched = fetch()
      .then((certificate) => {
        this.keep(url, certificate);
        return certificate;
      })
      .finally(() => this.fetching.delete(url));
    this.fetching.set(url, fetched);
    return fetched;
  }

  private keep(url: string, certificate: X509Certificate): void {
    this.certificates.set(url, certificate);
    if (this.certificates.size > this.capacity) {
      const [leastRecent] = this.certificates.keys();
      if (leastRecent !== undefined) this.certificates.delete(leastRecent);
    }
  }
}
