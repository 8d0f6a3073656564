import { Module } from '@nestjs/common';
import { GrafanaPlugin } from './grafana.plugin.js';

@Module({ providers: [GrafanaPlugin], exports: [GrafanaPlugin] })
export class GrafanaPluginModule {}
