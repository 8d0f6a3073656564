import { Module } from '@nestjs/common';
import { TencentCloudMonitorPlugin } from './tencent-cloud-monitor.plugin.js';

@Module({ providers: [TencentCloudMonitorPlugin], exports: [TencentCloudMonitorPlugin] })
export class TencentCloudMonitorPluginModule {}
