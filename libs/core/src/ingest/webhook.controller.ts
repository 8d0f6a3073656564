import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/bearer-token.js';
import { Public } from '../auth/public.decorator.js';
import { InvalidParameterError } from '../common/api-error.js';
import { PushSummary } from '../events/normalized-event.js';
import {
  ApiErrors,
  INTEGRATION_KEY_BEARER_SCHEME,
  INTEGRATION_KEY_QUERY_SCHEME,
} from '../openapi/api-docs.decorators.js';
import { IngestService } from './ingest.service.js';
import { headersForPlugin } from './parse-headers.js';

export class PushResponse {
  @ApiProperty({ format: 'uuid', description: 'Also in the X-Request-Id header' })
  request_id!: string;

  @ApiProperty({ type: PushSummary })
  data!: PushSummary;
}

/** A push can fail in all of these ways (README: API); senders retry only the 5xx. */
export const PUSH_ERRORS = {
  400: "InvalidPayload: the body is not JSON or not in the plugin's format (`details.path` says where); InvalidParameter: the key given twice",
  401: 'Unauthorized: no key, or a key no integration has',
  403: 'IntegrationDisabled',
  404: 'RouteNotFound: no such plugin is enabled',
  409: 'PluginMismatch: the key belongs to an integration of another plugin',
  413: 'PayloadTooLarge: the body exceeds MAX_BODY_BYTES',
  415: 'InvalidContentType: the body is not sent as application/json',
  422: 'NoRoute: a shared integration has no routing rules and no default channel',
  503: 'Unavailable: the database cannot be reached or written; senders retry (Alertmanager does)',
};

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
@ApiTags('webhooks')
@Controller('webhooks')
export class WebhookController {
  constructor(private readonly ingest: IngestService) {}

  /** Answers 200 only once every event of the push is committed to the database. */
  @Post(':pluginId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Push alerts from a monitoring source',
    description:
      'Point the source at the push URL of an integration (`GET /api/v1/integrations/{id}`). ' +
      'The key goes in the query, or as a bearer token.',
  })
  @ApiSecurity(INTEGRATION_KEY_QUERY_SCHEME)
  @ApiSecurity(INTEGRATION_KEY_BEARER_SCHEME)
  @ApiParam({ name: 'pluginId', description: 'An enabled plugin', example: 'prometheus' })
  @ApiBody({
    description:
      "The source's webhook payload as it sends it; `GET /api/v1/plugins/{id}` has samples",
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiOkResponse({ type: PushResponse, description: 'Every event of the push is stored' })
  @ApiErrors(PUSH_ERRORS)
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
