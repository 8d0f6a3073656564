import { describe, expect, it } from '@jest/globals';
import type { Socket } from 'node:net';
import { answerClientError } from './client-error-handler.js';

/** A socket that records what is written to it and whether it was closed. */
function recordingSocket(state: { writable?: boolean; destroyed?: boolean } = {}) {
  const written: string[] = [];
  const socket = {
    writable: state.writable ?? true,
    destroyed: state.destroyed ?? false,
    write: (chunk: string) => written.push(chunk),
    destroy() {
      this.destroyed = true;
    },
  };
  return { socket, written, asSocket: socket as unknown as Socket };
}

function clientError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

function parse(raw: string): { statusLine: string; body: unknown } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0] ?? '', body: JSON.parse(body) };
}

describe('answerClientError', () => {
  it.each([
    ['ERR_HTTP_REQUEST_TIMEOUT', 'HTTP/1.1 408 Request Timeout', 'RequestTimeout'],
    ['HPE_HEADER_OVERFLOW', 'HTTP/1.1 431 Request Header Fields Too Large', 'HeadersTooLarge'],
    ['HPE_INVALID_METHOD', 'HTTP/1.1 400 Bad Request', 'InvalidRequest'],
  ])('answers %s with the API error body, then closes', (code, statusLine, errorCode) => {
    const { socket, written, asSocket } = recordingSocket();
    answerClientError(clientError(code), asSocket);
    expect(written).toHaveLength(1);
    const answer = parse(written[0] ?? '');
    expect(answer.statusLine).toBe(statusLine);
    expect(answer.body).toEqual({ error: { code: errorCode, message: expect.any(String) } });
    expect(written[0]).toContain('Connection: close');
    expect(socket.destroyed).toBe(true);
  });

  it('writes nothing to a connection that was reset or cannot be written', () => {
    const reset = recordingSocket();
    answerClientError(clientError('ECONNRESET'), reset.asSocket);
    expect(reset.written).toEqual([]);

    const closed = recordingSocket({ writable: false });
    answerClientError(clientError('ERR_HTTP_REQUEST_TIMEOUT'), closed.asSocket);
    expect(closed.written).toEqual([]);
    expect(closed.socket.destroyed).toBe(true);
  });
});
