import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../common/api-error.js';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { AdminApi, ApiData, ApiErrors, ApiNoAuth, ERRORS } from '../openapi/api-docs.decorators.js';
import { AdminSessionsService, SESSION_LIFETIME_MS } from './admin-sessions.service.js';
import { CONSOLE_REQUEST_HEADER, crossSiteRefusal } from './console-request.js';
import { CreateSessionDto } from './dto/create-session.dto.js';
import { Public } from './public.decorator.js';
import { secretEquals } from './secret-equals.js';
import {
  FAILED_SIGN_INS_PER_WINDOW,
  SIGN_IN_WINDOW_MS,
  SignInAttempts,
} from './sign-in-attempts.js';
import {
  cameOverHttps,
  clearedSessionCookie,
  sessionCookie,
  sessionCookieOf,
} from './session-cookie.js';
import { SessionView } from './session.view.js';

const CROSS_SITE = `CrossSiteRequest: the ${CONSOLE_REQUEST_HEADER} header is missing`;

/** The console's sign-in: the admin token exchanged for a session cookie, and back out. */
@AdminApi('session')
@Controller('api/v1/session')
export class SessionController {
  constructor(
    private readonly sessions: AdminSessionsService,
    private readonly attempts: SignInAttempts,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Post()
  @Public()
  @ApiNoAuth()
  @ApiOperation({
    summary: 'Sign in: exchange the admin token for a session cookie',
    description: `Sets an HttpOnly, SameSite=Strict cookie (Secure over HTTPS) that the admin API accepts instead of the token. With the cookie, a request other than GET needs the \`${CONSOLE_REQUEST_HEADER}\` header, and so does this one.`,
  })
  @ApiData('The session opened', SessionView, { status: 201 })
  @ApiErrors({
    400: ERRORS.invalid,
    401: 'Unauthorized: not the admin token',
    403: CROSS_SITE,
    429: `TooManyAttempts: ${FAILED_SIGN_INS_PER_WINDOW} failed sign-ins from this client address within ${SIGN_IN_WINDOW_MS / 1000} s; every sign-in from it is refused till the window ends (\`Retry-After\`, in seconds, says when)`,
  })
  async signIn(
    @Body() dto: CreateSessionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: SessionView }> {
    const refusal = crossSiteRefusal(request);
    if (refusal) throw refusal;
    this.attempts.assertAllowed(request.ip);
    if (!secretEquals(dto.token, this.options.adminToken)) {
      this.attempts.recordFailure(request.ip);
      throw new UnauthorizedError('this is not the admin token');
    }
    this.attempts.recordSuccess(request.ip);
    const session = await this.sessions.open();
    void reply.header(
      'set-cookie',
      sessionCookie(session.cookieValue, SESSION_LIFETIME_MS / 1000, cameOverHttps(request)),
    );
    return { data: { expiresAt: session.expiresAt.toISOString() } };
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s session: whether the console is signed in' })
  @ApiData('The session', SessionView)
  current(@Req() request: FastifyRequest): { data: SessionView } {
    return { data: { expiresAt: request.adminSession?.expiresAt.toISOString() ?? null } };
  }

  @Delete()
  @Public()
  @ApiNoAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: end the session and remove its cookie' })
  @ApiNoContentResponse({ description: 'Signed out (also when there was no session)' })
  @ApiErrors({ 403: CROSS_SITE })
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const cookieValue = sessionCookieOf(request.headers.cookie);
    if (cookieValue === undefined) return;
    const refusal = crossSiteRefusal(request);
    if (refusal) throw refusal;
    await this.sessions.close(cookieValue);
    void reply.header('set-cookie', clearedSessionCookie(cameOverHttps(request)));
  }
}
