import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { AdminApi, ApiErrors, BY_ID_ERRORS, ERRORS } from '../openapi/api-docs.decorators.js';
import { firstSample } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { IngestService } from './ingest.service.js';
import { PUSH_ERRORS } from './push-errors.js';
import { PushResponse } from './push-response.view.js';

@AdminApi('integrations')
@Controller('api/v1/integrations')
export class IntegrationTestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly integrations: IntegrationsService,
    private readonly plugins: PluginRegistry,
  ) {}

  /** Pushes the plugin's first sample through the real pipeline, as the source would. */
  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: "Push the plugin's sample payload through the real pipeline" })
  @ApiOkResponse({ type: PushResponse, description: 'The sample is stored like a real push' })
  @ApiErrors({
    ...BY_ID_ERRORS,
    403: PUSH_ERRORS[403],
    404: ERRORS.pluginUnavailable,
    422: PUSH_ERRORS[422],
  })
  async test(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<PushResponse> {
    const integration = await this.integrations.get(id);
    const { summary } = await this.ingest.pushFor(integration, {
      pluginId: integration.pluginId,
      body: firstSample(this.plugins.pluginOf(integration)),
      rawBody: undefined,
      headers: {},
      requestId: request.id,
      receivedAt: new Date(),
      answeredByPlugin: false,
    });
    return { request_id: request.id, data: summary };
  }
}
