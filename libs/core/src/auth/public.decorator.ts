import { RouteAccessOf } from '../http/route-access.js';

/**
 * Opens a route to callers without the admin token. Every route is admin-only unless it says
 * this, so a new route cannot be left open by forgetting a guard. A method decorator only: the
 * admin token is checked before the body is read, from the route's own config.
 */
export const Public = (): MethodDecorator => RouteAccessOf('public');
