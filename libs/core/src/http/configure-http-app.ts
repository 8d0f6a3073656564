import { ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER, newRequestId } from '../common/request-id.js';
import { registerRequestLogging } from '../logging/request-logging.js';

export interface HttpAdapterOptions {
  bodyLimit: number;
  genReqId: () => string;
  logger: false;
  /** Request ids are ours: a client cannot choose the id its push is logged under. */
  requestIdHeader: false;
}

export function httpAdapterOptions(maxBodyBytes: number): HttpAdapterOptions {
  return { bodyLimit: maxBodyBytes, genReqId: newRequestId, logger: false, requestIdHeader: false };
}

/**
 * What every Alert Hub HTTP app needs around its routes: the request id on every response and
 * DTO validation. Fastify's own request errors (body too large, bad JSON) reach the exception
 * filter through Nest's adapter, so they get the same error body.
 */
export function configureHttpApp(app: NestFastifyApplication): void {
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // The request id on every log line written while a request is served.
  registerRequestLogging(fastify);
}
