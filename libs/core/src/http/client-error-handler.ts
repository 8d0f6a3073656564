import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody } from '../common/error-response.js';

/** What Node reports on a connection it cannot read a request from. */
interface ClientError extends Error {
  code?: string;
}

function answerFor(error: ClientError): { status: number; error: ErrorBody } {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        error: {
          code: 'RequestTimeout',
          message: 'the request did not arrive whole in time (REQUEST_TIMEOUT_MS)',
        },
      };
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        error: { code: 'HeadersTooLarge', message: 'the request headers are too large' },
      };
    default:
      return {
        status: 400,
        error: { code: 'InvalidRequest', message: 'the request is not valid HTTP' },
      };
  }
}

/**
 * Answers a connection Node could not read a request from (a request that timed out, headers too
 * large, malformed HTTP) with the API's error body, then closes it: no request exists yet, so
 * neither Nest nor Fastify's hooks see it.
 */
export function answerClientError(error: ClientError, socket: Socket): void {
  // A reset connection is already gone: nothing to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, error: body } = answerFor(error);
    const json = JSON.stringify({ error: body });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
