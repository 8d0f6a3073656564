import { ApiError } from '../common/api-error.js';

export class IntegrationDisabledError extends ApiError {
  constructor() {
    super(403, 'IntegrationDisabled', 'this integration is disabled; enable it to accept pushes');
  }
}
