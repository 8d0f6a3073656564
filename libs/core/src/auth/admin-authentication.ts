import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../common/api-error.js';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { bearerToken } from './bearer-token.js';
import { routeAccessOf } from '../http/route-access.js';
import { secretEquals } from './secret-equals.js';

/**
 * Every route needs `Authorization: Bearer <ADMIN_TOKEN>` unless it is `@Public()`.
 * Checked when the request's headers have arrived, before its body is read or parsed: a caller
 * without the token costs no more than its headers, and learns nothing about the body's shape.
 */
@Injectable()
export class AdminAuthentication implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  onModuleInit(): void {
    // Absent in an application context without HTTP; hooks added before `ready` reach every route.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onRequest', (request, _reply, done) => done(this.refusal(request)));
  }

  private refusal(request: FastifyRequest): UnauthorizedError | undefined {
    if (routeAccessOf(request) !== 'admin') return;
    const token = bearerToken(request.headers.authorization);
    if (token !== undefined && secretEquals(token, this.options.adminToken)) return;
    return new UnauthorizedError('a valid admin token is required (Authorization: Bearer <token>)');
  }
}
