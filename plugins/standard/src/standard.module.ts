import { Module } from '@nestjs/common';
import { StandardPlugin } from './standard.plugin.js';

@Module({ providers: [StandardPlugin], exports: [StandardPlugin] })
export class StandardPluginModule {}
