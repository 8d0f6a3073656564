import { Controller, Get, Inject, Param } from '@nestjs/common';
import { NotFoundError } from '../common/api-error.js';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { pushUrl } from '../integrations/push-url.js';
import {
  pluginDetail,
  pluginSummary,
  type PluginDetail,
  type PluginSummary,
} from './plugin-docs.js';
import { PluginRegistry } from './plugin-registry.js';

@Controller('api/v1/plugins')
export class PluginsController {
  constructor(
    private readonly registry: PluginRegistry,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Get()
  list(): { data: PluginSummary[] } {
    return { data: this.registry.list().map(pluginSummary) };
  }

  @Get(':id')
  get(@Param('id') id: string): { data: PluginDetail } {
    if (!this.registry.has(id)) throw new NotFoundError('plugin', id);
    const plugin = this.registry.get(id);
    return {
      data: pluginDetail(plugin, pushUrl(this.options.publicUrl, plugin.id, '<integration key>')),
    };
  }
}
