import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { keepRawPushBody } from './raw-push-body.js';
import { routeAccessOf } from './route-access.js';

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Whether a body holds nothing but whitespace: no body, whatever its media type says. */
export function isBlank(body: Buffer): boolean {
  for (const byte of body) if (!WHITESPACE.has(byte)) return false;
  return true;
}

/**
 * Fastify's JSON parser (prototype poisoning refused), except that an empty body is no body:
 * many clients send `Content-Type: application/json` with nothing after it to an action that
 * takes no body (`POST …/rotate-key`). A route that needs a body says so when it finds none.
 * A push's bytes are kept for its plugin's signature check.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    if (routeAccessOf(request) === 'push') keepRawPushBody(request, body);
    if (isBlank(body)) {
      done(null, undefined);
      return;
    }
    void parseJson(request, body.toString('utf8'), done);
  };
}
