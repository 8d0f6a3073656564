import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { firstSample } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailableError } from '../plugins/unknown-plugin.error.js';
import { IngestService } from './ingest.service.js';
import type { PushResponse } from './webhook.controller.js';

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
  async test(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<PushResponse> {
    const integration = await this.integrations.get(id);
    if (!this.plugins.has(integration.pluginId))
      throw new PluginUnavailableError(integration.pluginId);
    const data = await this.ingest.pushFor(integration, {
      pluginId: integration.pluginId,
      body: firstSample(this.plugins.get(integration.pluginId)),
      headers: {},
      requestId: request.id,
      receivedAt: new Date(),
    });
    return { request_id: request.id, data };
  }
}
