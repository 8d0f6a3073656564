import { Module } from '@nestjs/common';
import { PluginsModule } from '../plugins/plugins.module.js';
import { OutboundClient } from './outbound-client.js';
import { PluginOutbound } from './plugin-outbound.js';

/** Outbound requests: HTTPS for plugins (certificates, handshakes), POSTs of notifications. */
@Module({
  imports: [PluginsModule],
  providers: [OutboundClient, PluginOutbound],
  exports: [PluginOutbound, OutboundClient],
})
export class OutboundModule {}
