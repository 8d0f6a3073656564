import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { renderSetupGuide } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailableError } from '../plugins/unknown-plugin.error.js';
import { CreateIntegrationDto } from './dto/create-integration.dto.js';
import { ListIntegrationsQuery } from './dto/list-integrations.query.js';
import { UpdateIntegrationDto } from './dto/update-integration.dto.js';
import type { Integration } from './integration.entity.js';
import { integrationView, type IntegrationView } from './integration.view.js';
import { IntegrationsService } from './integrations.service.js';
import { pushUrl } from './push-url.js';

export interface IntegrationDocs {
  pluginId: string;
  pushUrl: string;
  setup: string;
  samples: Record<string, unknown>;
}

@Controller('api/v1/integrations')
export class IntegrationsController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly plugins: PluginRegistry,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Post()
  async create(@Body() dto: CreateIntegrationDto): Promise<{ data: IntegrationView }> {
    return { data: this.view(await this.integrations.create(dto)) };
  }

  @Get()
  async list(@Query() query: ListIntegrationsQuery): Promise<{ data: IntegrationView[] }> {
    const integrations = await this.integrations.list(query);
    return { data: integrations.map((integration) => this.view(integration)) };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: IntegrationView }> {
    return { data: this.view(await this.integrations.get(id)) };
  }

  @Patch(':id')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateIntegrationDto,
  ): Promise<{ data: IntegrationView }> {
    return { data: this.view(await this.integrations.update(id, dto)) };
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.integrations.delete(id);
  }

  @Post(':id/rotate-key')
  @HttpCode(200)
  async rotateKey(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: IntegrationView }> {
    return { data: this.view(await this.integrations.rotateKey(id)) };
  }

  @Get(':id/docs')
  async docs(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: IntegrationDocs }> {
    const integration = await this.integrations.get(id);
    if (!this.plugins.has(integration.pluginId)) {
      throw new PluginUnavailableError(integration.pluginId);
    }
    const plugin = this.plugins.get(integration.pluginId);
    const url = pushUrl(this.options.publicUrl, plugin.id, integration.integrationKey);
    return {
      data: {
        pluginId: plugin.id,
        pushUrl: url,
        setup: renderSetupGuide(plugin, url),
        samples: plugin.docs.samples,
      },
    };
  }

  private view(integration: Integration): IntegrationView {
    return integrationView(
      integration,
      this.options.publicUrl,
      this.plugins.has(integration.pluginId),
    );
  }
}
