import { ApiError } from '../common/api-error.js';

/** A shared integration with nowhere to send events: refused rather than stored nowhere. */
export class NoRouteError extends ApiError {
  constructor(integrationId: string) {
    super(
      422,
      'NoRoute',
      `shared integration ${integrationId} has no routing rules and no default channel; set them with PUT /api/v1/integrations/${integrationId}/routes`,
    );
  }
}
