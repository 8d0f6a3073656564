import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiSecurity,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rawPushBodyOf } from '../http/raw-push-body.js';
import {
  ApiErrors,
  INTEGRATION_KEY_BEARER_SCHEME,
  INTEGRATION_KEY_QUERY_SCHEME,
} from '../openapi/api-docs.decorators.js';
import { IngestService } from './ingest.service.js';
import { headersForPlugin } from './parse-headers.js';
import { PushGate } from './push-gate.js';
import { PUSH_ERRORS } from './push-errors.js';
import { PushResponse } from './push-response.view.js';
import { PushRoute } from './push-route.decorator.js';

/** The core's summary, or the body a plugin answers its source with instead. */
const PUSH_ANSWER_SCHEMA = {
  oneOf: [
    { $ref: getSchemaPath(PushResponse) },
    { type: 'object', additionalProperties: true, description: "The plugin's own answer" },
  ],
};

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhookController {
  constructor(
    private readonly ingest: IngestService,
    private readonly gate: PushGate,
  ) {}

  /** Answers 200 (or the plugin's 202) only once every event of the push is committed. */
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
  @ApiExtraModels(PushResponse)
  @ApiOkResponse({
    description:
      'Every event of the push is stored (or its subscription handshake confirmed). A plugin may ' +
      'shape this body as its source expects (`{"retCode": 0}`); the request id is in the ' +
      'X-Request-Id header either way',
    schema: PUSH_ANSWER_SCHEMA,
  })
  @ApiResponse({
    status: 202,
    description:
      'The same, for a source whose own API answers 202 and whose senders check it (PagerDuty ' +
      'Events API v2): the plugin chooses it; the push is just as stored',
    schema: PUSH_ANSWER_SCHEMA,
  })
  @ApiErrors(PUSH_ERRORS)
  async push(
    @Param('pluginId') pluginId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PushResponse | Readonly<Record<string, unknown>>> {
    const push = {
      pluginId,
      body: request.body,
      rawBody: rawPushBodyOf(request),
      headers: headersForPlugin(request.headers),
      requestId: request.id,
      receivedAt: new Date(),
      answeredByPlugin: true,
    };
    const { summary, answer } = await this.ingest.pushFor(this.gate.admitted(request), push);
    // A success status the plugin chose; every error keeps the core's, from the exception filter.
    if (answer.status !== undefined) void reply.status(answer.status);
    return answer.body ?? ({ request_id: request.id, data: summary } satisfies PushResponse);
  }
}
