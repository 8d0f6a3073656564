import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  OutboundHostNotAllowed,
  OutboundRequestFailed,
  outboundHostMatches,
  outboundUrlAllowed,
} from '@alert-hub/plugin-sdk';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { AddressPolicy, DEFAULT_DENIED_ADDRESSES } from './address-policy.js';
import { createPostAgents, httpPost, type PostAnswer } from './http-post.js';
import { HopFailed, httpsGet } from './https-get.js';
import { PostFailed } from './post-errors.js';
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
 * The one place where the core makes outbound requests. For plugins: GET over HTTPS to a host of
 * an allowlist, refused before any connection otherwise; redirects followed only to the same
 * host and port, a few at most. For notifications: POST to an admin's URL whose resolved address
 * is outside the denied blocks, never following a redirect. Both: a connect timeout, a deadline
 * for the whole request, bodies bounded.
 */
@Injectable()
export class OutboundClient implements OnModuleDestroy {
  private readonly options: OutboundOptions;
  private readonly agents = createPostAgents();
  private readonly ca: string[] | undefined;
  private readonly addresses: AddressPolicy;

  constructor(@Inject(CORE_OPTIONS) core: CoreOptions) {
    this.options = { ...OUTBOUND_DEFAULTS, ...core.outbound };
    const { extraCaPem } = this.options;
    this.ca = extraCaPem === undefined ? undefined : [...rootCertificates, extraCaPem];
    this.addresses = new AddressPolicy(
      this.options.deniedAddresses ?? DEFAULT_DENIED_ADDRESSES,
      this.options.allowedAddresses ?? [],
    );
  }

  /**
   * POSTs `body` to `url`, HTTPS (or HTTP when the configuration allows it), at an address of
   * the host's that the address policy permits. A redirect is an answer like any other: it is
   * not followed. Rejects with `PostFailed` (`refused` when nothing was sent).
   */
  async post(
    url: string,
    headers: Readonly<Record<string, string>>,
    body: Buffer,
    maxBytes: number,
  ): Promise<PostAnswer> {
    const target = new URL(url);
    const plainAllowed = this.options.allowPlainHttp === true;
    if (target.protocol !== 'https:' && !(plainAllowed && target.protocol === 'http:')) {
      throw new PostFailed(
        `${target.protocol}// URLs are refused${plainAllowed ? '' : ' (only https:// unless OUTBOUND_ALLOW_HTTP=true)'}`,
        true,
      );
    }
    const address = await this.permittedAddress(target.hostname.replace(/^\[|\]$/g, ''));
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      return await httpPost(target, {
        address,
        agents: this.agents,
        headers,
        body,
        connectTimeoutMs: this.options.connectTimeoutMs,
        signal,
        ca: this.ca,
        maxBytes,
      });
    } catch (error) {
      if (signal.aborted) throw new PostFailed(`no answer within ${this.options.timeoutMs} ms`);
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** The first address of the host that the policy permits; refuses when there is none. */
  private async permittedAddress(hostname: string): Promise<string> {
    let addresses: string[];
    if (isIP(hostname) !== 0) addresses = [hostname];
    else {
      try {
        addresses = (await lookup(hostname, { all: true })).map((found) => found.address);
      } catch {
        throw new PostFailed(`the host name ${hostname} could not be resolved`);
      }
    }
    const permitted = addresses.find((address) => this.addresses.permits(address));
    if (permitted === undefined) {
      throw new PostFailed(
        `${hostname} resolves to ${addresses.join(', ')}: a denied address (OUTBOUND_DENIED_ADDRESSES)`,
        true,
      );
    }
    return permitted;
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
