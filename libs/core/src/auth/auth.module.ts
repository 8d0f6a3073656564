import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/index.js';
import { AdminAuthentication } from './admin-authentication.js';
import { AdminSessionsService } from './admin-sessions.service.js';
import { SessionController } from './session.controller.js';

@Module({
  imports: [StorageModule],
  providers: [AdminAuthentication, AdminSessionsService],
  controllers: [SessionController],
})
export class AuthModule {}
