import { applyDecorators, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { HEARTBEAT_PATH } from '../plugins/push-url.js';
import {
  ApiErrors,
  INTEGRATION_KEY_BEARER_SCHEME,
  INTEGRATION_KEY_QUERY_SCHEME,
} from '../openapi/api-docs.decorators.js';
import { IngestService } from './ingest.service.js';
import { PushGate } from './push-gate.js';
import { PushRoute } from './push-route.decorator.js';
import { PUSH_ERRORS } from './push-errors.js';
import { PushResponse } from './push-response.view.js';

const PING_ERRORS = {
  400: 'InvalidParameter: the key given twice; InvalidPayload: a body that is not valid JSON',
  401: 'Unauthorized: no key, or a key no integration has',
  403: PUSH_ERRORS[403],
  404: PUSH_ERRORS[404],
  409: "PluginMismatch: the key belongs to an integration of another plugin; NoPingHeartbeat: the integration's heartbeat is not an enabled one of source ping",
  413: PUSH_ERRORS[413],
  415: PUSH_ERRORS[415],
  503: PUSH_ERRORS[503],
};

/** The documentation of the ping, by either method. */
const PingDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: "Beat an integration's heartbeat (source ping)",
      description:
        'The `heartbeat.pingUrl` of the integration (`GET /api/v1/integrations/{id}`): a cron ' +
        'job or a script calls it whenever it runs. No body is needed (one sent is ignored). The ' +
        'key goes in the query, or as a bearer token. Answered once the beat is stored; the beat ' +
        'after a missed one resolves its alert.',
    }),
    ApiSecurity(INTEGRATION_KEY_QUERY_SCHEME),
    ApiSecurity(INTEGRATION_KEY_BEARER_SCHEME),
    ApiParam({ name: 'pluginId', description: "The integration's plugin", example: 'prometheus' }),
    ApiOkResponse({ type: PushResponse, description: 'The beat is stored: `beats` is 1' }),
    ApiErrors(PING_ERRORS),
  );

/**
 * Where sources that send no alerts beat their integration's heartbeat. A push route like the
 * webhook's: the push gate admits it by its key before any body arrives, and refusals are logged.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class HeartbeatPingController {
  constructor(
    private readonly ingest: IngestService,
    private readonly gate: PushGate,
  ) {}

  @PushRoute()
  @Get(`:pluginId/${HEARTBEAT_PATH}`)
  @PingDocs()
  pingByGet(
    @Param('pluginId') pluginId: string,
    @Req() request: FastifyRequest,
  ): Promise<PushResponse> {
    return this.ping(pluginId, request);
  }

  @PushRoute()
  @Post(`:pluginId/${HEARTBEAT_PATH}`)
  @HttpCode(200)
  @PingDocs()
  pingByPost(
    @Param('pluginId') pluginId: string,
    @Req() request: FastifyRequest,
  ): Promise<PushResponse> {
    return this.ping(pluginId, request);
  }

  private async ping(pluginId: string, request: FastifyRequest): Promise<PushResponse> {
    const { summary } = await this.ingest.pushFor(this.gate.admitted(request), {
      pluginId,
      body: undefined,
      rawBody: undefined,
      headers: {},
      requestId: request.id,
      receivedAt: new Date(),
      answeredByPlugin: false,
      ping: true,
    });
    return { request_id: request.id, data: summary };
  }
}
