import { Module } from '@nestjs/common';
import { WebhookPlugin } from './webhook.plugin.js';

@Module({ providers: [WebhookPlugin], exports: [WebhookPlugin] })
export class WebhookPluginModule {}
