import { ConflictError } from '../common/api-error.js';

export class VersionConflictError extends ConflictError {
  constructor(given: number, current: number) {
    super(
      'VersionConflict',
      `the routes changed since version ${given} (now ${current}); fetch them again and reapply your change`,
    );
  }
}
