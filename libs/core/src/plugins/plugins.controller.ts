import { Controller, Get, Inject, Param } from '@nestjs/common';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { pushUrl } from './push-url.js';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { PluginDetail, PluginSummary, pluginDetail, pluginSummary } from './plugin-docs.js';
import { PluginRegistry } from './plugin-registry.js';

@AdminApi('plugins')
@Controller('api/v1/plugins')
export class PluginsController {
  constructor(
    private readonly registry: PluginRegistry,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Get()
  @ApiData('The enabled plugins, by id', [PluginSummary])
  list(): { data: PluginSummary[] } {
    return { data: this.registry.list().map(pluginSummary) };
  }

  @Get(':id')
  @ApiData('The plugin with its setup guide and sample payloads', PluginDetail)
  @ApiErrors({ 404: `${ERRORS.notFound}: no enabled plugin` })
  get(@Param('id') id: string): { data: PluginDetail } {
    const plugin = this.registry.get(id);
    return {
      data: pluginDetail(plugin, pushUrl(this.options.publicUrl, plugin.id, '<integration key>')),
    };
  }
}
