import { Module } from '@nestjs/common';
import { UptimeKumaPlugin } from './uptime-kuma.plugin.js';

@Module({ providers: [UptimeKumaPlugin], exports: [UptimeKumaPlugin] })
export class UptimeKumaPluginModule {}
