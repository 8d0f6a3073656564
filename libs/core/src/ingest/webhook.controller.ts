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
import { PushSummary } from '../events/normalized-event.js';
import { rawPushBodyOf } from '../http/raw-push-body.js';
import {
  ApiErrors,
  INTEGRATION_KEY_BEARER_SCHEME,
  INTEGRATION_KEY_QUERY_SCHEME,
} from '../openapi/api-docs.decorators.js';
import { IngestService } from './ingest.service.js';
import { headersForPlugin } from './parse-headers.js';
import { PushGate } from './push-gate.js';
import { PushRoute } from './push-route.decorator.js';

export class PushResponse {
  @ApiProperty({ format: 'uuid', description: 'Also in the X-Request-Id header' })
  request_id!: string;

  @ApiProperty({ type: PushSummary })
  data!: PushSummary;
}

/** A push can fail in all of these ways (README: API); senders retry only the 5xx. */
export const PUSH_ERRORS = {
  400: "InvalidPayload: the body is not JSON or not in the plugin's format (`details.path` says where); InvalidParameter: the key given twice",
  401: "Unauthorized: no key, or a key no integration has; SignatureInvalid: the plugin could not verify the request's signature (the push log says why)",
  403: 'IntegrationDisabled',
  404: 'RouteNotFound: no such plugin is enabled',
  409: 'PluginMismatch: the key belongs to an integration of another plugin',
  413: 'PayloadTooLarge: the body exceeds MAX_BODY_BYTES (decompressed, when sent compressed)',
  415: 'InvalidContentType: the body is not sent as a media type the plugin reads (`details.accepted`), or in a Content-Encoding other than gzip, deflate or br',
  422: "NoRoute: a shared integration has no routing rules and no default channel; MappingFailed: the integration's mapping cannot read the body, or it has none (`details.path` in the body, `details.field` in the mapping)",
  503: 'Unavailable: the database cannot be reached or written; senders retry (Alertmanager does)',
};

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhookController {
  constructor(
    private readonly ingest: IngestService,
    private readonly gate: PushGate,
  ) {}

  /** Answers 200 only once every event of the push is committed to the database. */
  @PushRoute()
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
      rawBody: rawPushBodyOf(request),
      headers: headersForPlugin(request.headers),
      requestId: request.id,
      receivedAt: new Date(),
    };
    const data = await this.ingest.pushFor(this.gate.admitted(request), push);
    return { request_id: request.id, data };
  }
}
