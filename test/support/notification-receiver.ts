import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake receiver got, and what it answered. */
export interface ReceivedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  receivedAt: number;
  answeredStatus: number;
}

export interface ReceiverAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answers this much later: a slow receiver. */
  delayMs?: number;
}

export type AnswerFunction = (request: Omit<ReceivedRequest, 'answeredStatus'>) => ReceiverAnswer;

/**
 * A local HTTP server standing in for a webhook receiver or an IM bot: it keeps every request
 * and answers what the test's function says.
 */
export class NotificationReceiver {
  readonly requests: ReceivedRequest[] = [];

  private constructor(
    private readonly server: Server,
    private answerWith: AnswerFunction,
  ) {}

  static async start(
    answer: AnswerFunction = () => ({ status: 200 }),
  ): Promise<NotificationReceiver> {
    const server = createServer();
    const receiver = new NotificationReceiver(server, answer);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://receiver.test');
        const received = {
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
          body: Buffer.concat(chunks),
          receivedAt: Date.now(),
        };
        const answer = receiver.answerWith(received);
        receiver.requests.push({ ...received, answeredStatus: answer.status });
        const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
        response.writeHead(answer.status, {
          'content-type': 'application/json',
          ...answer.headers,
        });
        response.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  answer(answer: AnswerFunction): void {
    this.answerWith = answer;
  }

  /** The JSON bodies of the requests it answered with a 2xx (to `path` only, when given). */
  accepted(path?: string): Array<Record<string, unknown>> {
    return this.requests
      .filter((request) => path === undefined || request.path === path)
      .filter((request) => request.answeredStatus >= 200 && request.answeredStatus < 300)
      .map((request) => JSON.parse(request.body.toString('utf8')) as Record<string, unknown>);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The generic webhook's signature, as a receiver computes it (README: Notifications). */
export function webhookSignatureValid(
  request: ReceivedRequest | Omit<ReceivedRequest, 'answeredStatus'>,
  secret: string,
): boolean {
  const timestamp = request.headers['x-alert-hub-timestamp'];
  const signature = request.headers['x-alert-hub-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${timestamp}.`), request.body]))
    .digest('hex');
  return signature === `sha256=${expected}`;
}

/** A DingTalk robot's check of `timestamp` and `sign` in the query. */
export function dingtalkSignValid(query: URLSearchParams, secret: string): boolean {
  const timestamp = query.get('timestamp');
  const sign = query.get('sign');
  if (timestamp === null || sign === null) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return sign === expected;
}

/** A Feishu bot's check of `timestamp` and `sign` in the body. */
export function feishuSignValid(body: Record<string, unknown>, secret: string): boolean {
  const { timestamp, sign } = body;
  if (typeof timestamp !== 'string' || typeof sign !== 'string') return false;
  const expected = createHmac('sha256', `${timestamp}\n${secret}`).digest('base64');
  return sign === expected;
}
