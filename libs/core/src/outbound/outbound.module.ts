import { Module } from '@nestjs/common';
import { PluginsModule } from '../plugins/plugins.module.js';
import { OutboundClient } from './outbound-client.js';
import { PluginOutbound } from './plugin-outbound.js';

/** Outbound HTTPS for plugins: signing certificates and subscription handshakes. */
@Module({
  imports: [PluginsModule],
  providers: [OutboundClient, PluginOutbound],
  exports: [PluginOutbound],
})
export class OutboundModule {}
