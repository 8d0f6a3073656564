import { ConflictError } from './api-error.js';

/**
 * A change made from a version of something (an integration's routes, its settings) that another
 * change has replaced since: refused whole, so that neither silently undoes the other.
 */
export class VersionConflictError extends ConflictError {
  constructor(what: string, given: number, current: number) {
    super(
      'VersionConflict',
      `the ${what} changed since version ${given} (now ${current}); fetch them again and reapply your change`,
    );
  }
}
