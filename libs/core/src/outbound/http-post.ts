import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type RequestOptions,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { PostFailed } from './post-errors.js';

/** What a host answered a POST; redirects are answers too, never followed. */
export interface PostAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * How long a connection left open after an answer may wait for the next request. Below the 5 s
 * that Node's own servers keep one, so that a request seldom meets a connection the receiver is
 * closing; when one does, it is sent again once on a new connection (see `httpPost`).
 */
export const IDLE_CONNECTION_MS = 4_000;

/**
 * The connections kept open between posts, per protocol. They are pooled by the checked address
 * (and, for HTTPS, the TLS name and trusted certificates): a connection is only ever reused for
 * the address it was opened to. Sending one message per alert, a new connection (and TLS
 * handshake) each time cost more than the message.
 */
export interface PostAgents {
  http: HttpAgent;
  https: HttpsAgent;
}

export function createPostAgents(): PostAgents {
  const options = { keepAlive: true, timeout: IDLE_CONNECTION_MS };
  return { http: new HttpAgent(options), https: new HttpsAgent(options) };
}

export interface PostOptions {
  /** The checked address the connection goes to; the URL's host stays the TLS name and `Host`. */
  address: string;
  agents: PostAgents;
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
export async function httpPost(url: URL, options: PostOptions): Promise<PostAnswer> {
  try {
    return await postOnce(url, options);
  } catch (error) {
    // A kept connection that the receiver closed as the request went out: nothing reached it.
    if (error instanceof StaleConnection) return postOnce(url, options);
    throw error;
  }
}

/** A reused connection was reset before any answer (Node's documented keep-alive race). */
class StaleConnection extends Error {}

function postOnce(url: URL, options: PostOptions): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    options.signal.addEventListener('abort', () => reject(options.signal.reason as Error), {
      once: true,
    });
    const https = url.protocol === 'https:';
    const requestOptions: RequestOptions & { servername?: string } = {
      host: options.address,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: {
        host: url.host,
        'user-agent': 'alert-hub',
        'content-length': String(options.body.length),
        ...options.headers,
      },
      agent: https ? options.agents.https : options.agents.http,
      signal: options.signal,
      // The certificate is checked against the URL's host name, not the address connected to.
      ...(https && isIP(url.hostname) === 0 ? { servername: url.hostname } : {}),
    };
    const send = https ? httpsRequest : httpRequest;
    const outgoing: ClientRequest = send({ ...requestOptions, ca: options.ca }, (response) => {
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
      // A kept connection is already up: the connect timeout is for new ones.
      if (!socket.connecting) return;
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
      else if (outgoing.reusedSocket && error.code === 'ECONNRESET') reject(new StaleConnection());
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
