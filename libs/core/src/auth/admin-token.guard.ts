import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../common/api-error.js';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { bearerToken } from './bearer-token.js';
import { PUBLIC_ROUTE } from './public.decorator.js';
import { secretEquals } from './secret-equals.js';

/** Every route needs `Authorization: Bearer <ADMIN_TOKEN>` unless it is marked `@Public()`. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined || !secretEquals(token, this.options.adminToken)) {
      throw new UnauthorizedError(
        'a valid admin token is required (Authorization: Bearer <token>)',
      );
    }
    return true;
  }
}
