import { ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorResponseFor } from '../common/error-response.js';
import { REQUEST_ID_HEADER, newRequestId } from '../common/request-id.js';
import { registerRequestLogging } from '../logging/request-logging.js';
import { API_DOCS_PATH } from '../openapi/api-docs.js';
import { answerClientError } from './client-error-handler.js';
import { storableInput } from './request-input.js';
import { registerSecurityHeaders } from './security-headers.js';

type DoneWithPayload = (error: Error | null, payload: unknown) => void;

/** How often Node looks for requests past their timeout: a timeout fires at most this late. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export interface HttpLimits {
  maxBodyBytes: number;
  /** How long a request may take to arrive whole, headers and body. */
  requestTimeoutMs: number;
}

export interface HttpAdapterOptions {
  bodyLimit: number;
  requestTimeout: number;
  http: { headersTimeout: number; connectionsCheckingInterval: number };
  genReqId: () => string;
  logger: false;
  /** Request ids are ours: a client cannot choose the id its push is logged under. */
  requestIdHeader: false;
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;
  clientErrorHandler: typeof answerClientError;
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

/**
 * A request that has not arrived whole within `requestTimeoutMs` is answered 408 and its
 * connection closed (Fastify sets no such limit): a sender that stops in the middle of a body
 * would otherwise hold its connection, and a shutdown waiting for it, for good.
 */
export function httpAdapterOptions({
  maxBodyBytes,
  requestTimeoutMs,
}: HttpLimits): HttpAdapterOptions {
  return {
    bodyLimit: maxBodyBytes,
    requestTimeout: requestTimeoutMs,
    http: {
      // Node requires the headers' own limit (60 s by default) to be within the request's.
      headersTimeout: Math.min(60_000, requestTimeoutMs),
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    genReqId: newRequestId,
    logger: false,
    requestIdHeader: false,
    frameworkErrors: answerRouterError,
    clientErrorHandler: answerClientError,
  };
}

/**
 * What every Alert Hub HTTP app needs around its routes: the request id on every response,
 * bodies and query strings bounded in depth and made storable, and DTO validation. Fastify's own
 * request errors (body too large, bad JSON) reach the exception filter through Nest's adapter, so
 * they get the same error body.
 */
export function configureHttpApp(app: NestFastifyApplication, limits: HttpLimits): void {
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  registerSecurityHeaders(app, API_DOCS_PATH);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // The request id on every log line written while a request is served.
  registerRequestLogging(fastify);
  // While the server stops, the requests in flight are answered and their connections closed:
  // a connection the sender keeps alive would otherwise hold the shutdown open until it idles out.
  let closing = false;
  fastify.addHook('preClose', (done: () => void) => {
    closing = true;
    // Node stops timing requests out once its server closes. A request still arriving when the
    // request timeout has passed again is cut here: a sender that stopped mid-body would
    // otherwise hold the shutdown open until the process is killed.
    setTimeout(() => fastify.server.closeAllConnections(), limits.requestTimeoutMs).unref();
    done();
  });
  fastify.addHook(
    'onSend',
    (_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: DoneWithPayload) => {
      if (closing) void reply.header('connection', 'close');
      done(null, payload);
    },
  );
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
