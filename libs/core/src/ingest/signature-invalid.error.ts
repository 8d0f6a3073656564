import { ReasonedPushError } from './reasoned-push-error.js';

/** The plugin could not verify that the push comes from its source; `reason` is for the push log. */
export class SignatureInvalidError extends ReasonedPushError {
  constructor(reason: string) {
    super(
      401,
      'SignatureInvalid',
      'the request could not be verified as coming from the source',
      reason,
    );
  }
}
