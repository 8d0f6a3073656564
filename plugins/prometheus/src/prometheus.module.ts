import { Module } from '@nestjs/common';
import { PrometheusPlugin } from './prometheus.plugin.js';

@Module({ providers: [PrometheusPlugin], exports: [PrometheusPlugin] })
export class PrometheusPluginModule {}
