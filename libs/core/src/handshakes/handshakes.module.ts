import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { SubscriptionConfirmations } from './subscription-confirmations.js';
import { SubscriptionHandshakes } from './subscription-handshakes.js';

/** Subscription handshakes (AWS SNS, Huawei SMN): performed once, remembered durably. */
@Module({
  imports: [OutboundModule, DatabaseModule, IntegrationsModule],
  providers: [SubscriptionConfirmations, SubscriptionHandshakes],
  exports: [SubscriptionHandshakes],
})
export class HandshakesModule {}
