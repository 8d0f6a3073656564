import { Module } from '@nestjs/common';
import { VolcengineCloudmonitorPlugin } from './volcengine-cloudmonitor.plugin.js';

@Module({ providers: [VolcengineCloudmonitorPlugin], exports: [VolcengineCloudmonitorPlugin] })
export class VolcengineCloudmonitorPluginModule {}
