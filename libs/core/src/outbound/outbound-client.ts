import { Inject, Injectable } from '@nestjs/common';
import {
  OutboundHostNotAllowed,
  OutboundRequestFailed,
  outboundHostMatches,
  outboundUrlAllowed,
} from '@alert-hub/plugin-sdk';
import { rootCertificates } from 'node:tls';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { HopFailed, httpsGet } from './https-get.js';
import { OUTBOUND_DEFAULTS, type ConnectTo, type OutboundOptions } from './outbound-options.js';

/** Redirects followed at most, each to the same host and port as the URL asked for. */
export const MAX_REDIRECTS = 3;

/** What an allowed host answered, after the redirects it asked for. */
export interface OutboundAnswer {
  status: number;
  body: Buffer;
}

function portOf(url: URL): number {
  return url.port === '' ? 443 : Number(url.port);
}

/**
 * The one place where the core makes requests for plugins, and the only one where any plugin's
 * input leads to outbound I/O: GET over HTTPS to a host of an allowlist, refused before any
 * connection otherwise; a connect timeout and a deadline for the whole fetch; redirects followed
 * only to the same host and port, a few at most; bodies bounded.
 */
@Injectable()
export class OutboundClient {
  private readonly options: OutboundOptions;
  private readonly ca: string[] | undefined;

  constructor(@Inject(CORE_OPTIONS) core: CoreOptions) {
    this.options = { ...OUTBOUND_DEFAULTS, ...core.outbound };
    const { extraCaPem } = this.options;
    this.ca = extraCaPem === undefined ? undefined : [...rootCertificates, extraCaPem];
  }

  /**
   * GETs `url` if `allowlist` (host patterns, with a port if not 443) allows it. Rejects with
   * `OutboundHostNotAllowed` before connecting anywhere, or `OutboundRequestFailed` when the host
   * cannot be reached in time, redirects elsewhere or answers more than `maxBytes`.
   */
  async get(url: string, allowlist: readonly string[], maxBytes: number): Promise<OutboundAnswer> {
    if (!outboundUrlAllowed(url, allowlist)) throw new OutboundHostNotAllowed(url);
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const first = new URL(url);
    let current = first;
    try {
      for (let redirects = 0; ; redirects++) {
        const target = this.connectionFor(current);
        const answer = await httpsGet(current, {
          connectHost: target.host,
          connectPort: target.port,
          connectTimeoutMs: this.options.connectTimeoutMs,
          signal,
          ca: this.ca,
          maxBytes,
        });
        if (answer.location === undefined) return answer;
        if (redirects === MAX_REDIRECTS) {
          throw new OutboundRequestFailed(url, `more than ${MAX_REDIRECTS} redirects`);
        }
        current = this.sameHostRedirect(url, first, current, answer.location);
      }
    } catch (error) {
      if (error instanceof HopFailed) throw new OutboundRequestFailed(url, error.message);
      if (signal.aborted) {
        throw new OutboundRequestFailed(url, `no answer within ${this.options.timeoutMs} ms`);
      }
      throw error;
    }
  }

  /** The URL a redirect goes to, if it stays on the first URL's host and port over HTTPS. */
  private sameHostRedirect(url: string, first: URL, current: URL, location: string): URL {
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new OutboundRequestFailed(url, `redirected to ${JSON.stringify(location)}, no URL`);
    }
    const sameHost =
      next.protocol === 'https:' &&
      next.hostname === first.hostname &&
      portOf(next) === portOf(first) &&
      next.username === '' &&
      next.password === '';
    if (!sameHost) {
      throw new OutboundRequestFailed(
        url,
        `redirected to another host (${next.protocol}//${next.host}): not followed`,
      );
    }
    return next;
  }

  /** Where a connection for the URL goes: its own host, unless a `connectTo` entry says otherwise. */
  private connectionFor(url: URL): { host: string; port: number } {
    const port = portOf(url);
    const rule = this.options.connectTo?.find(
      (candidate: ConnectTo) =>
        candidate.port === port && outboundHostMatches(candidate.host, url.hostname),
    );
    return rule === undefined
      ? { host: url.hostname, port }
      : { host: rule.toHost, port: rule.toPort };
  }
}
