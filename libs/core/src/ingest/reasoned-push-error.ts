import { ApiError } from '../common/api-error.js';

/**
 * A push refused, or failed, for a reason the admin reads in the push log and the sender is not
 * told: a forger learns nothing of what failed, and no internal address leaks to a source.
 */
export abstract class ReasonedPushError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly reason: string,
  ) {
    super(status, code, message);
  }
}
