import { ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorResponseFor } from '../common/error-response.js';
import { REQUEST_ID_HEADER, newRequestId } from '../common/request-id.js';
import { storableInput } from './request-input.js';

export interface HttpAdapterOptions {
  bodyLimit: number;
  genReqId: () => string;
  logger: false;
  /** Request ids are ours: a client cannot choose the id its push is logged under. */
  requestIdHeader: false;
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;
}

/**
 * Fastify's router answers a malformed URL (400) and an over-long path segment (414) itself,
 * before any hook or Nest's exception filter: they get the API's error body here.
 */
function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, error: body } = errorResponseFor(error);
  void reply
    .header(REQUEST_ID_HEADER, request.id)
    .status(status)
    .send({ request_id: request.id, error: body });
}

export function httpAdapterOptions(maxBodyBytes: number): HttpAdapterOptions {
  return {
    bodyLimit: maxBodyBytes,
    genReqId: newRequestId,
    logger: false,
    requestIdHeader: false,
    frameworkErrors: answerRouterError,
  };
}

/**
 * What every Alert Hub HTTP app needs around its routes: the request id on every response,
 * bodies and query strings bounded in depth and made storable, and DTO validation. Fastify's own
 * request errors (body too large, bad JSON) reach the exception filter through Nest's adapter, so
 * they get the same error body.
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
  fastify.addHook(
    'preValidation',
    (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
      try {
        request.body = storableInput(request.body);
        request.query = storableInput(request.query);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  );
}
