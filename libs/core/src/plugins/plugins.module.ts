import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PluginRegistry } from './plugin-registry.js';
import { PluginsController } from './plugins.controller.js';

@Module({
  imports: [DiscoveryModule],
  providers: [PluginRegistry],
  controllers: [PluginsController],
  exports: [PluginRegistry],
})
export class PluginsModule {}
