import type { FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error.js';

/**
 * The header the console sends with every request. A cookie-authenticated request that changes
 * something must carry it: a page of another site can make a browser send the cookie (were it
 * not `SameSite=Strict`) but not a custom header, which needs a CORS preflight Alert Hub never
 * grants. Bearer-token callers need no such proof: no browser adds their token by itself.
 */
export const CONSOLE_REQUEST_HEADER = 'x-alert-hub-console';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CrossSiteRequestError extends ApiError {
  constructor() {
    super(
      403,
      'CrossSiteRequest',
      `a browser request that changes something needs the ${CONSOLE_REQUEST_HEADER} header, which only the console sends`,
    );
  }
}

/** The refusal of a cookie-authenticated request that may come from another site, if it may. */
export function crossSiteRefusal(request: FastifyRequest): CrossSiteRequestError | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  return request.headers[CONSOLE_REQUEST_HEADER] === undefined
    ? new CrossSiteRequestError()
    : undefined;
}
