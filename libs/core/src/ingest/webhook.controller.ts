import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/bearer-token.js';
import { Public } from '../auth/public.decorator.js';
import { InvalidParameterError } from '../common/api-error.js';
import type { PushSummary } from '../events/normalized-event.js';
import { IngestService } from './ingest.service.js';
import { headersForPlugin } from './parse-headers.js';

export interface PushResponse {
  request_id: string;
  data: PushSummary;
}

/** The key from `?integration_key=`, else from `Authorization: Bearer`. */
export function integrationKeyOf(request: FastifyRequest): string | undefined {
  const { integration_key: fromQuery } = (request.query ?? {}) as Record<string, unknown>;
  if (Array.isArray(fromQuery)) {
    throw new InvalidParameterError('integration_key: give the key once', [
      'integration_key must appear once',
    ]);
  }
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  return bearerToken(request.headers.authorization);
}

@Public()
@Controller('webhooks')
export class WebhookController {
  constructor(private readonly ingest: IngestService) {}

  /** Answers 200 only once every event of the push is committed to the database. */
  @Post(':pluginId')
  @HttpCode(200)
  async push(
    @Param('pluginId') pluginId: string,
    @Req() request: FastifyRequest,
  ): Promise<PushResponse> {
    const push = {
      pluginId,
      body: request.body,
      headers: headersForPlugin(request.headers),
      requestId: request.id,
      receivedAt: new Date(),
    };
    const data = await this.ingest.receive(push, integrationKeyOf(request));
    return { request_id: request.id, data };
  }
}
