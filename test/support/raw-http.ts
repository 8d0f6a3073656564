import { connect, type Socket } from 'node:net';

/** What a server wrote back on a raw connection, and whether it closed it. */
export interface RawExchange {
  socket: Socket;
  /** Resolves with everything received once the server has written a whole HTTP head. */
  head: Promise<string>;
  /** Resolves when the connection is closed, by either side. */
  closed: Promise<void>;
}

/**
 * Opens a TCP connection to `port` on 127.0.0.1 and writes `request` (a head, perhaps part of a
 * body): for what an HTTP client cannot send, such as a body that never arrives.
 */
export function rawRequest(port: number, request: string | Buffer): RawExchange {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  const head = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) resolve(received);
    });
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  // The server may close first; the test reads what it answered, not the write's failure.
  socket.on('error', () => undefined);
  socket.write(request);
  return { socket, head, closed };
}
