import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const TLS_DIR = join(import.meta.dirname, 'tls');

/** The test CA (test/support/tls/README.md): give it to the server as `OUTBOUND_CA_FILE`. */
export const TEST_CA_FILE = join(TLS_DIR, 'test-ca.crt');
/** The fake host's certificate, which its key signs SNS-style test messages with. */
export const FAKE_HOST_CERTIFICATE_PEM = readFileSync(join(TLS_DIR, 'fake-host.crt'), 'utf8');
const FAKE_HOST_KEY_PEM = readFileSync(join(TLS_DIR, 'fake-host.key'), 'utf8');

/** Base64 RSA signature of `text` by the fake host's key, as SNS signs (v1 SHA1, v2 SHA256). */
export function signAsFakeHost(digest: 'sha1' | 'sha256', text: string): string {
  return createSign(digest === 'sha1' ? 'RSA-SHA1' : 'RSA-SHA256')
    .update(text, 'utf8')
    .sign(FAKE_HOST_KEY_PEM, 'base64');
}

/** A request the fake host received. */
export interface SeenRequest {
  method: string;
  /** Path and query, as requested. */
  url: string;
  /** The `Host` header: the name the client asked for, whatever address it connected to. */
  host: string;
}

export type FakeAnswer = (request: IncomingMessage, response: ServerResponse) => void;

/** A fixed answer: a status, a body, headers. */
export function answer(
  status: number,
  body = '',
  headers: Record<string, string> = {},
): FakeAnswer {
  return (_request, response) => {
    response.writeHead(status, headers).end(body);
  };
}

/**
 * A local HTTPS server with a certificate of the test CA, valid for `localhost`, `127.0.0.1`,
 * `*.fake-source.test` and a few AWS SNS and Huawei SMN host names (the README lists them): the
 * stand-in for the hosts plugins have the core contact. It answers by path (the query aside),
 * 404 for any other, and records every request.
 */
export class FakeHttpsHost {
  readonly requests: SeenRequest[] = [];
  private readonly answers = new Map<string, FakeAnswer>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeHttpsHost> {
    const server = createServer({ key: FAKE_HOST_KEY_PEM, cert: FAKE_HOST_CERTIFICATE_PEM });
    const host = new FakeHttpsHost(server);
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      host.serve(request, response),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return host;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** How the host answers requests for `path` from now on. */
  on(path: string, fakeAnswer: FakeAnswer): this {
    this.answers.set(path, fakeAnswer);
    return this;
  }

  /** The requests for `path`, the query aside. */
  requestsFor(path: string): SeenRequest[] {
    return this.requests.filter((request) => request.url.split('?')[0] === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private serve(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? '/';
    this.requests.push({ method: request.method ?? '', url, host: request.headers.host ?? '' });
    const handle = this.answers.get(url.split('?')[0] ?? '/') ?? answer(404, 'not found');
    handle(request, response);
  }
}
