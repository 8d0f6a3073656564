import { Logger } from '@nestjs/common';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import { runInRequestContext } from './request-context.js';

/** Log lines give milliseconds to a tenth: finer is noise. */
export function roundMs(durationMs: number): number {
  return Math.round(durationMs * 10) / 10;
}

/** The path without its query: a push URL carries the integration key in the query. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function enterRequestContext(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  runInRequestContext({ requestId: request.id }, () => done());
}

/**
 * Ties every log line written while a request is served to its request id, and writes one
 * debug line when it ends (LOG_LEVEL=debug shows every request; info keeps to what matters).
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  const logger = new Logger('Http');
  fastify.addHook('onRequest', enterRequestContext);
  // Reading the body runs in the socket's context, not the request's: enter it again after.
  fastify.addHook('preValidation', enterRequestContext);
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.debug({
      msg: 'request completed',
      requestId: request.id,
      method: request.method,
      path: pathOf(request.url),
      status: reply.statusCode,
      durationMs: roundMs(reply.elapsedTime),
    });
    done();
  });
}
