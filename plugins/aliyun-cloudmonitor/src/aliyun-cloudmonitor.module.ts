import { Module } from '@nestjs/common';
import { AliyunCloudmonitorPlugin } from './aliyun-cloudmonitor.plugin.js';

@Module({ providers: [AliyunCloudmonitorPlugin], exports: [AliyunCloudmonitorPlugin] })
export class AliyunCloudmonitorPluginModule {}
