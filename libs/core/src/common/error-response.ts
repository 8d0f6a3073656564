import { HttpException, NotFoundException } from '@nestjs/common';
import { MappingError, PayloadError } from '@alert-hub/plugin-sdk';
import { isDatabaseUnavailable } from '../database/database-unavailable.js';
import { pathOf } from '../logging/request-logging.js';
import { ApiError } from './api-error.js';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface ErrorResponse {
  status: number;
  error: ErrorBody;
  /** Whether the failure is ours rather than the caller's, and worth a log line. */
  unexpected: boolean;
  /** Headers the answer carries besides the body. */
  headers?: Record<string, string>;
}

/**
 * Fastify's and Node's own errors from reading the request, before any handler ran (Node's come
 * with no request at all: see answerClientError).
 */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PayloadTooLarge',
    message: 'the body is larger than this server accepts (MAX_BODY_BYTES)',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'InvalidContentType',
    message: 'the body must be JSON sent with Content-Type: application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'InvalidPayload',
    message: 'the body is empty; a JSON document is required',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'InvalidPayload',
    message: 'the body is not valid JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'InvalidPayload' },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'InvalidParameter',
    message: 'the URL path is not valid (malformed percent-encoding)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'RequestTimeout',
    message: 'the request did not arrive whole in time (REQUEST_TIMEOUT_MS)',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'HeadersTooLarge',
    message: 'the request headers are too large',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'UriTooLong',
    message: 'a segment of the URL path is longer than this server accepts',
  },
};

const CODES_BY_STATUS: Record<number, string> = {
  400: 'InvalidParameter',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'RouteNotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'InvalidContentType',
  422: 'Unprocessable',
  429: 'TooManyRequests',
  503: 'Unavailable',
};

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  let message = exception.message;
  let details: unknown;
  if (typeof response === 'object' && response !== null) {
    const { message: detail } = response as { message?: unknown };
    // ValidationPipe puts one sentence per failing field in `message`.
    if (Array.isArray(detail)) {
      details = detail;
      message = `invalid request: ${detail.join('; ')}`;
    } else if (typeof detail === 'string') {
      message = detail;
    }
  }
  // Our own 404s are ApiErrors: a NotFoundException is the router's, `Cannot POST /path?query`.
  // The query string may hold an integration key, and the message is echoed and logged: the
  // method and path are enough to see the mistake.
  if (exception instanceof NotFoundException) message = pathOf(message);
  const code = CODES_BY_STATUS[status] ?? (status >= 500 ? 'Internal' : 'InvalidParameter');
  return { status, error: { code, message, details }, unexpected: status >= 500 };
}

/** Nest's Fastify adapter wraps Fastify's request errors; their code says more than the status. */
function unwrapFastifyError(exception: unknown): unknown {
  if (exception instanceof HttpException) {
    const { cause } = exception;
    if (cause instanceof Error && typeof (cause as { code?: unknown }).code === 'string')
      return cause;
  }
  return exception;
}

/** The one place where an error becomes an HTTP status and a JSON error body. */
export function errorResponseFor(thrown: unknown): ErrorResponse {
  const exception = unwrapFastifyError(thrown);
  if (exception instanceof ApiError) {
    const { status, code, message, details, headers } = exception;
    const error = { code, message, details };
    const extra = Object.keys(headers).length > 0 ? { headers } : {};
    return { status, error, unexpected: status >= 500, ...extra };
  }
  if (exception instanceof PayloadError) {
    return {
      status: 400,
      error: {
        code: 'InvalidPayload',
        message: exception.message,
        details: { path: exception.path },
      },
      unexpected: false,
    };
  }
  if (exception instanceof MappingError) {
    return {
      status: 422,
      error: {
        code: 'MappingFailed',
        message: exception.message,
        details: { path: exception.path, field: exception.field },
      },
      unexpected: false,
    };
  }
  if (exception instanceof HttpException) return fromHttpException(exception);

  const { code, statusCode, message } = (exception ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
  };
  const known = typeof code === 'string' ? FASTIFY_ERRORS[code] : undefined;
  if (known) {
    const text = known.message ?? (typeof message === 'string' ? message : known.code);
    return { status: known.status, error: { code: known.code, message: text }, unexpected: false };
  }
  // Node's HTTP parser (llhttp) names every other way a request can be malformed HPE_*.
  if (typeof code === 'string' && code.startsWith('HPE_')) {
    return {
      status: 400,
      error: { code: 'InvalidRequest', message: 'the request is not valid HTTP' },
      unexpected: false,
    };
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const text = typeof message === 'string' ? message : 'invalid request';
    const errorCode = CODES_BY_STATUS[statusCode] ?? 'InvalidParameter';
    return { status: statusCode, error: { code: errorCode, message: text }, unexpected: false };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      status: 503,
      error: { code: 'Unavailable', message: 'storage is unavailable, retry later' },
      unexpected: true,
    };
  }
  return {
    status: 500,
    error: { code: 'Internal', message: 'internal error; see the server log for this request id' },
    unexpected: true,
  };
}
