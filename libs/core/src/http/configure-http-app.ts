import { ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponseFor } from '../common/error-response.js';
import { REQUEST_ID_HEADER, newRequestId } from '../common/request-id.js';

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
 * What every Alert Hub HTTP app needs around its routes: the request id on every response,
 * DTO validation, and one error format for errors raised before Nest sees the request too.
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
  // Body parsing (size limit, content type, malformed JSON) fails before any Nest handler runs.
  fastify.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, error: body } = errorResponseFor(error);
    void reply.status(status).send({ request_id: request.id, error: body });
  });
}
