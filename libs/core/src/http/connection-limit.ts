import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';

/** A refused connection is logged at most this often: a flood must not flood the log too. */
const DROP_LOG_INTERVAL_MS = 10_000;

/**
 * Caps the connections the server holds open at once. Past `maxConnections` Node closes each
 * new connection as it arrives: the server keeps its file descriptors (and its database's) for
 * the connections it has, and says in its log that it is refusing others.
 */
export function limitConnections(server: Server, maxConnections: number): void {
  const logger = new Logger('Http');
  server.maxConnections = maxConnections;
  let dropped = 0;
  let lastLogAt = -Infinity;
  server.on('drop', () => {
    dropped += 1;
    const now = Date.now();
    if (now - lastLogAt < DROP_LOG_INTERVAL_MS) return;
    logger.warn(
      `connection limit reached: ${maxConnections} connections are open (MAX_CONNECTIONS); ` +
        `closed ${dropped} new connection(s) since the last report`,
    );
    lastLogAt = now;
    dropped = 0;
  });
}
