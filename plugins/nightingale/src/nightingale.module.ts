import { Module } from '@nestjs/common';
import { NightingalePlugin } from './nightingale.plugin.js';

@Module({ providers: [NightingalePlugin], exports: [NightingalePlugin] })
export class NightingalePluginModule {}
