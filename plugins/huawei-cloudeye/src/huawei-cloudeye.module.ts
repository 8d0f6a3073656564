import { Module } from '@nestjs/common';
import { HuaweiCloudeyePlugin } from './huawei-cloudeye.plugin.js';

@Module({ providers: [HuaweiCloudeyePlugin], exports: [HuaweiCloudeyePlugin] })
export class HuaweiCloudeyePluginModule {}
