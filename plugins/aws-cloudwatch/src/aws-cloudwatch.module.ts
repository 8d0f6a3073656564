import { Module } from '@nestjs/common';
import { AwsCloudwatchPlugin } from './aws-cloudwatch.plugin.js';

@Module({ providers: [AwsCloudwatchPlugin], exports: [AwsCloudwatchPlugin] })
export class AwsCloudwatchPluginModule {}
