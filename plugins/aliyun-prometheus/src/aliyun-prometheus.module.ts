import { Module } from '@nestjs/common';
import { AliyunPrometheusPlugin } from './aliyun-prometheus.plugin.js';

@Module({ providers: [AliyunPrometheusPlugin], exports: [AliyunPrometheusPlugin] })
export class AliyunPrometheusPluginModule {}
