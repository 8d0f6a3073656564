import { ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { storableJson } from '@alert-hub/plugin-sdk';
import { errorResponseFor } from '../common/error-response.js';
import { REQUEST_ID_HEADER, newRequestId } from '../common/request-id.js';
import { registerRequestLogging } from '../logging/request-logging.js';
import { API_DOCS_PATH } from './api-docs-path.js';
import { answerClientError } from './client-error-handler.js';
import { bodyDecoding } from './body-encoding.js';
import { limitConnections } from './connection-limit.js';
import { drainAfterAnswer } from './early-answer-drain.js';
import { jsonBodyParser } from './json-body-parser.js';
import { textBodyParser } from './text-body-parser.js';
import { hasBody, mediaTypeOf } from './media-type.js';
import { routeAccessOf } from './route-access.js';
import { UnsupportedMediaTypeError } from './unsupported-media-type.error.js';
import { registerSecurityHeaders } from './security-headers.js';

type DoneWithPayload = (error: Error | null, payload: unknown) => void;

/** How often Node looks for requests past their timeout: a timeout fires at most this late. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export interface HttpLimits {
  maxBodyBytes: number;
  /** How long a request may take to arrive whole, headers and body. */
  requestTimeoutMs: number;
  /** How long a request's headers may take to arrive: a sender that stalls in them is cut. */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open. */
  keepAliveTimeoutMs: number;
  /** Connections held open at once; new ones past this are closed as they arrive. */
  maxConnections: number;
}

export interface HttpAdapterOptions {
  bodyLimit: number;
  requestTimeout: number;
  keepAliveTimeout: number;
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
  headersTimeoutMs,
  keepAliveTimeoutMs,
}: HttpLimits): HttpAdapterOptions {
  return {
    bodyLimit: maxBodyBytes,
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    http: {
      // Node requires the headers' own limit to be within the request's.
      headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    genReqId: newRequestId,
    logger: false,
    requestIdHeader: false,
    frameworkErrors: answerRouterError,
    clientErrorHandler: answerClientError,
  };
}

const ADMIN_MEDIA_TYPES = ['application/json'];

/**
 * Every route but the push route reads JSON bodies alone: a form or text body is refused (415)
 * before it is read, also so that no HTML form on another site can post to the admin API. The
 * push gate checks a push's media type against its plugin's.
 */
function refuseUnreadableMediaType(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: Readable,
  done: (error: Error | null, payload?: Readable) => void,
): void {
  const access = routeAccessOf(request);
  if (access === undefined || access === 'push' || !hasBody(request.headers)) {
    return done(null, payload);
  }
  const mediaType = mediaTypeOf(request.headers['content-type']);
  if (mediaType === undefined || !ADMIN_MEDIA_TYPES.includes(mediaType)) {
    return done(new UnsupportedMediaTypeError(mediaType, ADMIN_MEDIA_TYPES));
  }
  done(null, payload);
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
  app.useBodyParser(
    'application/json',
    { bodyLimit: limits.maxBodyBytes },
    jsonBodyParser(fastify),
  );
  app.useBodyParser('text/plain', { bodyLimit: limits.maxBodyBytes }, textBodyParser);
  limitConnections(fastify.server, limits.maxConnections);
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
    (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: DoneWithPayload) => {
      if (closing) void reply.header('connection', 'close');
      // Fastify closes the connection of a request answered before its body was read; the
      // body is drained instead (drainAfterAnswer), so that the sender reads the answer.
      else if (!request.raw.complete) void reply.removeHeader('connection');
      done(null, payload);
    },
  );
  fastify.addHook(
    'onResponse',
    (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      if (!closing) drainAfterAnswer(request.raw, reply.statusCode);
      done();
    },
  );
  fastify.addHook('preParsing', refuseUnreadableMediaType);
  fastify.addHook('preParsing', bodyDecoding(limits.maxBodyBytes));
  fastify.addHook(
    'preValidation',
    (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
      try {
        request.body = storableJson(request.body);
        request.query = storableJson(request.query);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  );
}
