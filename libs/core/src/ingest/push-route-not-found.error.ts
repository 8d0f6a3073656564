import { ApiError } from '../common/api-error.js';

/**
 * A push to `/webhooks/<id>` where no plugin has the id. To a sender such a URL is no push URL at
 * all, so it is answered as the router answers any path it does not serve (404 RouteNotFound),
 * saying why.
 */
export class PushRouteNotFoundError extends ApiError {
  constructor(pluginId: string) {
    super(404, 'RouteNotFound', `no plugin "${pluginId}" is enabled on this server`);
  }
}
