import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorResponseFor } from '../common/error-response.js';
import { isDraining } from './early-answer-drain.js';

/**
 * Answers a connection Node could not read a request from (a request that timed out, headers too
 * large, malformed HTTP) with the API's error body, then closes it: no request exists yet, so
 * neither Nest nor Fastify's hooks see it.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection is already gone: nothing to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A request answered early whose body is still being dropped has had its answer.
  if (socket.writable && !isDraining(socket)) {
    const { status, error: body } = errorResponseFor(error);
    const json = JSON.stringify({ error: body });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
