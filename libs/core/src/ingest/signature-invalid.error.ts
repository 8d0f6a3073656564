import { ApiError } from '../common/api-error.js';

/**
 * The plugin could not verify that the push comes from its source. The sender is told no more
 * than that, so a forger learns nothing of what failed; `reason` is for the push log.
 */
export class SignatureInvalidError extends ApiError {
  constructor(readonly reason: string) {
    super(401, 'SignatureInvalid', 'the request could not be verified as coming from the source');
  }
}
