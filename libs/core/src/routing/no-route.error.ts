import { ApiError } from '../common/api-error.js';

/** A shared integration with nowhere to send events: refused rather than stored nowhere. */
export class NoRouteError extends ApiError {
  constructor(message: string) {
    super(422, 'NoRoute', message);
  }
}
