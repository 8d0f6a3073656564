import { request as httpRequest, Agent } from 'node:http';

export interface PushAnswer {
  status: number;
  body: string;
}

export interface HeldPush {
  /** Sends the body and resolves with the answer. */
  finish(): Promise<PushAnswer>;
  /** The answer, whenever it comes: also one the server gives without waiting for the body. */
  answer: Promise<PushAnswer>;
}

/**
 * Starts a push and holds its body back until `finish()`. It resolves once the server has
 * answered `100 Continue`, i.e. it has read the request line and headers and is processing the
 * request: from then on the push is in flight, however long the body takes.
 */
export function startHeldPush(url: string, body: string, agent: Agent): Promise<HeldPush> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const answer = new Promise<PushAnswer>((answered, failed) => {
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          answered({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', failed);
      });
      request.on('error', failed);
    });
    request.once('error', reject);
    request.once('continue', () =>
      resolve({
        finish: () => {
          request.end(body);
          return answer;
        },
        answer,
      }),
    );
    request.flushHeaders();
  });
}
