import { RouteAccessOf } from '../http/route-access.js';

/**
 * Marks the route monitoring sources push to: no admin token, but the push gate admits each
 * request by its integration key and plugin before the body is read, and refusals are logged.
 */
export const PushRoute = (): MethodDecorator => RouteAccessOf('push');
