import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { PostFailed } from './post-errors.js';

/** What a host answered a POST; redirects are answers too, never followed. */
export interface PostAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface PostOptions {
  /** The checked address the connection goes to; the URL's host stays the TLS name and `Host`. */
  address: string;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
  connectTimeoutMs: number;
  signal: AbortSignal;
  ca: string[] | undefined;
  /** An answer longer than this is cut there: only its first bytes are ever read. */
  maxBytes: number;
}

/**
 * One POST over HTTP or HTTPS to an address already resolved and checked: DNS is not asked
 * again (a second answer could point elsewhere). The answer's body is read up to `maxBytes`.
 */
export function httpPost(url: URL, options: PostOptions): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const family = isIP(options.address);
    const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
      if (lookupOptions.all === true) callback(null, [{ address: options.address, family }]);
      else callback(null, options.address, family);
    };
    options.signal.addEventListener('abort', () => reject(options.signal.reason as Error), {
      once: true,
    });
    const requestOptions: RequestOptions = {
      host: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: {
        'user-agent': 'alert-hub',
        'content-length': String(options.body.length),
        ...options.headers,
      },
      lookup: pinned,
      agent: false,
      signal: options.signal,
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send({ ...requestOptions, ca: options.ca }, (response) => {
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        if (received >= options.maxBytes) return;
        chunks.push(chunk.subarray(0, options.maxBytes - received));
        received += chunk.length;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', (error) => reject(new PostFailed(error.message)));
    });
    outgoing.on('socket', (socket) => {
      const timer = setTimeout(() => {
        outgoing.destroy(
          new PostFailed(`no connection within ${options.connectTimeoutMs} ms (connect timeout)`),
        );
      }, options.connectTimeoutMs);
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
        clearTimeout(timer),
      );
      socket.once('close', () => clearTimeout(timer));
    });
    outgoing.on('error', (error: Error & { code?: string }) => {
      if (error instanceof PostFailed) reject(error);
      else if (!options.signal.aborted) {
        reject(
          new PostFailed(
            error.code === undefined ? error.message : `${error.code}: ${error.message}`,
          ),
        );
      }
    });
    outgoing.end(options.body);
  });
}
