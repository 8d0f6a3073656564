import type { FastifyRequest } from 'fastify';

/**
 * The bytes of each push's body as read, for plugins that verify a signature over them. Only
 * push routes keep them, and the parsed body is made from the same buffer: no second copy.
 */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

export function keepRawPushBody(request: FastifyRequest, body: Buffer): void {
  rawBodies.set(request, body);
}

/** The push's body as sent (decompressed), or an empty buffer when it had none. */
export function rawPushBodyOf(request: FastifyRequest): Buffer {
  return rawBodies.get(request) ?? Buffer.alloc(0);
}
