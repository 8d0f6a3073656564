import { Module } from '@nestjs/common';
import { VolcenginePrometheusPlugin } from './volcengine-prometheus.plugin.js';

@Module({ providers: [VolcenginePrometheusPlugin], exports: [VolcenginePrometheusPlugin] })
export class VolcenginePrometheusPluginModule {}
