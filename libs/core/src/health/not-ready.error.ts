import { ApiError } from '../common/api-error.js';

/** A readiness check failed: a load balancer should send traffic elsewhere for now. */
export class NotReadyError extends ApiError {
  constructor(failedChecks: string[]) {
    super(503, 'Unavailable', `not ready: ${failedChecks.join(', ')} failing`, {
      failing: failedChecks,
    });
  }
}
