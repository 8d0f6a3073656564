import { ReasonedPushError } from './reasoned-push-error.js';

/**
 * A host the push named (a signing certificate, a confirmation URL) could not be reached, timed
 * out, redirected elsewhere or answered badly: the sender retries (SNS and SMN retry a 5xx).
 */
export class UpstreamUnavailableError extends ReasonedPushError {
  constructor(reason: string) {
    super(
      502,
      'UpstreamUnavailable',
      'a host this push relies on could not be reached or answered badly; retry later',
      reason,
    );
  }
}
