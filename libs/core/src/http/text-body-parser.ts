import type { FastifyBodyParser } from 'fastify';
import { isBlank } from './json-body-parser.js';
import { keepRawPushBody } from './raw-push-body.js';
import { routeAccessOf } from './route-access.js';

/**
 * A `text/plain` body as a string, for the plugins that read text (AWS SNS sends its JSON as
 * text by default). A blank body is no body, as for JSON. A push's bytes are kept for its
 * plugin's signature check, as the JSON parser keeps them.
 */
export const textBodyParser: FastifyBodyParser<Buffer> = (request, body, done) => {
  if (routeAccessOf(request) === 'push') keepRawPushBody(request, body);
  done(null, isBlank(body) ? undefined : body.toString('utf8'));
};
