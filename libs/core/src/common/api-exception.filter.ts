import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponseFor } from './error-response.js';

/** Maps every error that reaches Nest to the API's JSON error body. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, error, unexpected, headers } = errorResponseFor(exception);
    if (unexpected) {
      this.logger.error(
        `request ${request.id} ${request.method} ${request.routeOptions.url ?? ''} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (headers) void reply.headers(headers);
    void reply.status(status).send({ request_id: request.id, error });
  }
}
