import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** How much of a body still arriving after its answer is read and dropped, at most. */
export const EARLY_ANSWER_DRAIN = {
  maxBytes: 64 * 1024 * 1024,
  /** For a caller without valid credentials (401): enough for any ordinary push, no more. */
  unauthenticatedMaxBytes: 64 * 1024,
  maxMs: 5_000,
};

/** Sockets whose request was answered and whose body is being dropped. */
const drainingSockets = new WeakSet<Socket>();

/** Whether this socket's request was answered already: nothing more may be written to it. */
export function isDraining(socket: Socket): boolean {
  return drainingSockets.has(socket);
}

/**
 * A request answered before its body arrived (401 for a missing key, 413 too large, 415) still
 * has a sender writing that body. Closing the connection now would reset it, and most HTTP
 * clients then report a network error and never read the answer; so the rest of the body is
 * read and dropped, up to {@link EARLY_ANSWER_DRAIN}, and the connection then stays usable.
 * A body larger or slower than that loses its connection: the answer was sent, the sender may
 * still not see it, and no one holds a connection open by never finishing a body. A caller
 * refused for its credentials gets a much smaller allowance: reading a flood of keyless bodies
 * would cost the server what refusing them before the body was meant to save.
 */
export function drainAfterAnswer(request: IncomingMessage, status: number): void {
  if (request.complete || request.destroyed) return;
  const { socket } = request;
  drainingSockets.add(socket);
  const maxBytes =
    status === 401 ? EARLY_ANSWER_DRAIN.unauthenticatedMaxBytes : EARLY_ANSWER_DRAIN.maxBytes;
  let dropped = 0;
  const stop = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(stop, EARLY_ANSWER_DRAIN.maxMs).unref();
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > maxBytes) stop();
  });
  request.once('end', () => {
    clearTimeout(timer);
    drainingSockets.delete(socket);
  });
  request.once('close', () => clearTimeout(timer));
  request.resume();
}
