import type { FastifyRequest } from 'fastify';

/**
 * Who is making a change. The admin API knows no users: a request comes with the admin token or
 * with a console session, and that is all that can be told.
 */
export function silenceAuthor(request: FastifyRequest): string {
  return request.adminSession === undefined ? 'admin token' : 'console session';
}
