import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { StorageModule } from '../storage/index.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { SubscriptionConfirmations } from './subscription-confirmations.js';
import { SubscriptionHandshakes } from './subscription-handshakes.js';

/** Subscription handshakes (AWS SNS, Huawei SMN): performed once, remembered durably. */
@Module({
  imports: [OutboundModule, StorageModule, IntegrationsModule],
  providers: [SubscriptionConfirmations, SubscriptionHandshakes],
  exports: [SubscriptionHandshakes],
})
export class HandshakesModule {}
