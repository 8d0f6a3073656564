import { request, type RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';

/** One answer of one host, not followed anywhere. */
export interface HopAnswer {
  status: number;
  /** The `Location` of a redirect, as sent. */
  location: string | undefined;
  body: Buffer;
}

export interface HopOptions {
  /** Where the connection goes; the URL's host stays the TLS name and the `Host` header. */
  connectHost: string;
  connectPort: number;
  connectTimeoutMs: number;
  /** Ends the request wherever it is: the whole fetch's deadline. */
  signal: AbortSignal;
  /** Trusted CAs; undefined for Node's bundled roots. */
  ca: string[] | undefined;
  /** A body longer than this fails the request, and is not read further. */
  maxBytes: number;
}

/** Why a hop failed, in words for the push log. */
export class HopFailed extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** What Node's errors mean, for an admin reading the push log. */
function describeError(error: Error & { code?: string }): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved';
    case 'ECONNRESET':
      return 'the connection was reset';
    default:
      return error.code === undefined ? error.message : `${error.code}: ${error.message}`;
  }
}

/**
 * One HTTPS GET: a connection (TCP and TLS) within `connectTimeoutMs`, the certificate checked
 * against the URL's host name, the body read up to `maxBytes` (a redirect's body is not read).
 * Rejects with `HopFailed`, or with the signal's reason when it is aborted.
 */
export function httpsGet(url: URL, options: HopOptions): Promise<HopAnswer> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => reject(new HopFailed(reason));
    // Whatever stage the request is in, a deadline ends it (a body that stops arriving too).
    options.signal.addEventListener('abort', () => reject(options.signal.reason as Error), {
      once: true,
    });
    const requestOptions: RequestOptions = {
      host: options.connectHost,
      port: options.connectPort,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { host: url.host, accept: '*/*', 'user-agent': 'alert-hub' },
      // A connection of its own: a pooled one could have been opened to another TLS name.
      agent: false,
      ca: options.ca,
      signal: options.signal,
    };
    // TLS sends a name, never an address (RFC 6066); an address is checked as itself.
    if (isIP(url.hostname) === 0) requestOptions.servername = url.hostname;
    const outgoing = request(requestOptions, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status)) {
        response.destroy();
        resolve({ status, location, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (declared > options.maxBytes) {
        response.destroy();
        fail(`answered ${declared} bytes, more than the ${options.maxBytes} accepted`);
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxBytes) {
          response.destroy();
          fail(`answered more than the ${options.maxBytes} bytes accepted`);
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ status, location, body: Buffer.concat(chunks) }));
      response.on('error', (error) => fail(describeError(error)));
    });
    outgoing.on('socket', (socket) => {
      const timer = setTimeout(() => {
        outgoing.destroy(
          new HopFailed(`no connection within ${options.connectTimeoutMs} ms (connect timeout)`),
        );
      }, options.connectTimeoutMs);
      (socket as TLSSocket).once('secureConnect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    outgoing.on('error', (error: Error & { code?: string }) => {
      if (error instanceof HopFailed) reject(error);
      else if (!options.signal.aborted) fail(describeError(error));
    });
    outgoing.end();
  });
}
