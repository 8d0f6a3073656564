import { Module } from '@nestjs/common';
import { ZabbixPlugin } from './zabbix.plugin.js';

@Module({ providers: [ZabbixPlugin], exports: [ZabbixPlugin] })
export class ZabbixPluginModule {}
