import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { UnauthorizedError } from '../common/api-error.js';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { routeAccessOf } from '../http/route-access.js';
import type { AdminSession } from './admin-session.entity.js';
import { AdminSessionsService } from './admin-sessions.service.js';
import { bearerToken } from './bearer-token.js';
import { crossSiteRefusal } from './console-request.js';
import { secretEquals } from './secret-equals.js';
import { sessionCookieOf } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The console session an admin request was admitted with; absent with the token itself. */
    adminSession?: AdminSession;
  }
}

const REFUSAL =
  'a valid admin token is required (Authorization: Bearer <token>), or a console session';

/**
 * Every route needs `Authorization: Bearer <ADMIN_TOKEN>`, or the console's session cookie,
 * unless it is `@Public()`. Checked when the request's headers have arrived, before its body is
 * read or parsed: a caller without either costs no more than its headers, and learns nothing
 * about the body's shape. A token that is given and wrong is refused even with a cookie.
 */
@Injectable()
export class AdminAuthentication implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly sessions: AdminSessionsService,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  onModuleInit(): void {
    // Absent in an application context without HTTP; hooks added before `ready` reach every route.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.decorateRequest('adminSession', undefined);
    fastify?.addHook('onRequest', (request, _reply, done) => this.authenticate(request, done));
  }

  private authenticate(request: FastifyRequest, done: HookHandlerDoneFunction): void {
    if (routeAccessOf(request) !== 'admin') return done();
    const token = bearerToken(request.headers.authorization);
    if (token !== undefined || request.headers.authorization !== undefined) {
      const valid = token !== undefined && secretEquals(token, this.options.adminToken);
      return done(valid ? undefined : new UnauthorizedError(REFUSAL));
    }
    const cookieValue = sessionCookieOf(request.headers.cookie);
    if (cookieValue === undefined) return done(new UnauthorizedError(REFUSAL));
    const crossSite = crossSiteRefusal(request);
    if (crossSite) return done(crossSite);
    this.sessions.find(cookieValue).then((session) => {
      if (session === undefined)
        return done(new UnauthorizedError('the session has ended: sign in again'));
      request.adminSession = session;
      done();
    }, done);
  }
}
