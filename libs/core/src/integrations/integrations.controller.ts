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
import { ApiNoContentResponse } from '@nestjs/swagger';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import {
  AdminApi,
  ApiData,
  ApiErrors,
  BY_ID_ERRORS,
  ERRORS,
} from '../openapi/api-docs.decorators.js';
import { renderSetupGuide } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { CreateIntegrationDto } from './dto/create-integration.dto.js';
import { ListIntegrationsQuery } from './dto/list-integrations.query.js';
import { UpdateIntegrationDto } from './dto/update-integration.dto.js';
import { IntegrationDocs } from './integration-docs.view.js';
import type { Integration } from './integration.entity.js';
import { IntegrationView, integrationView } from './integration.view.js';
import { IntegrationsService } from './integrations.service.js';
import { pushUrl } from '../plugins/push-url.js';

@AdminApi('integrations')
@Controller('api/v1/integrations')
export class IntegrationsController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly plugins: PluginRegistry,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Post()
  @ApiData('The integration created, with its key and push URL', IntegrationView, { status: 201 })
  @ApiErrors({
    400: `${ERRORS.invalid}; also an unknown plugin or channel, a channel for a shared integration, or settings the plugin does not accept (\`details\` names each)`,
  })
  async create(@Body() dto: CreateIntegrationDto): Promise<{ data: IntegrationView }> {
    return { data: this.view(await this.integrations.create(dto)) };
  }

  @Get()
  @ApiData('The integrations, oldest first', [IntegrationView])
  @ApiErrors({ 400: ERRORS.invalid })
  async list(@Query() query: ListIntegrationsQuery): Promise<{ data: IntegrationView[] }> {
    const integrations = await this.integrations.list(query);
    return { data: integrations.map((integration) => this.view(integration)) };
  }

  @Get(':id')
  @ApiData('The integration', IntegrationView)
  @ApiErrors(BY_ID_ERRORS)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: IntegrationView }> {
    return { data: this.view(await this.integrations.get(id)) };
  }

  @Patch(':id')
  @ApiData('The integration as changed', IntegrationView)
  @ApiErrors(BY_ID_ERRORS)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateIntegrationDto,
  ): Promise<{ data: IntegrationView }> {
    return { data: this.view(await this.integrations.update(id, dto)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; its key stops working' })
  @ApiErrors(BY_ID_ERRORS)
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.integrations.delete(id);
  }

  @Post(':id/rotate-key')
  @HttpCode(200)
  @ApiData('The integration with its new key; the old key stops working now', IntegrationView)
  @ApiErrors(BY_ID_ERRORS)
  async rotateKey(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: IntegrationView }> {
    return { data: this.view(await this.integrations.rotateKey(id)) };
  }

  @Get(':id/docs')
  @ApiData("The setup guide with this integration's push URL", IntegrationDocs)
  @ApiErrors({ 400: ERRORS.invalid, 404: ERRORS.pluginUnavailable })
  async docs(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: IntegrationDocs }> {
    const integration = await this.integrations.get(id);
    const plugin = this.plugins.pluginOf(integration);
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
      this.plugins.find(integration.pluginId),
    );
  }
}
