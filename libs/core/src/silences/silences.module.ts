import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { StorageModule } from '../storage/index.js';
import { EventsModule } from '../events/events.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { ActiveSilences } from './active-silences.js';
import { AlertSilenceController } from './alert-silence.controller.js';
import { PushSilencing } from './push-silencing.js';
import { SilencePreview } from './silence-preview.js';
import { SilenceSweep } from './silence-sweep.service.js';
import { SilencesController } from './silences.controller.js';
import { SilencesService } from './silences.service.js';

@Module({
  imports: [StorageModule, EventsModule, IntegrationsModule, ChannelsModule],
  providers: [ActiveSilences, SilencesService, SilencePreview, SilenceSweep, PushSilencing],
  controllers: [SilencesController, AlertSilenceController],
  exports: [PushSilencing, SilenceSweep],
})
export class SilencesModule {}
