import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'alert-hub:public-route';

/**
 * Opens a route to callers without the admin token. Every route is admin-only unless it says
 * this, so a new route cannot be left open by forgetting a guard.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
