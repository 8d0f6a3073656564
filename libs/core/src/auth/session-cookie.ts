import type { FastifyRequest } from 'fastify';
import type { TLSSocket } from 'node:tls';

/** The cookie that carries a console session. */
export const SESSION_COOKIE = 'alert_hub_session';

/** The value of the session cookie in a `Cookie` header, if it has one. */
export function sessionCookieOf(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/**
 * Whether the browser reached Alert Hub over HTTPS: on a TLS connection, or through a proxy that
 * says so (`X-Forwarded-Proto`). A client lying about it only makes its own cookie `Secure`.
 */
export function cameOverHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  if (proto !== undefined) return proto.toLowerCase() === 'https';
  return (request.raw.socket as Partial<TLSSocket>).encrypted === true;
}

/**
 * `Set-Cookie` for a session: out of scripts' reach (`HttpOnly`), never sent by a request
 * another site starts (`SameSite=Strict`), over HTTPS only when the console is served so.
 */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
