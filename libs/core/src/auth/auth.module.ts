import { Module } from '@nestjs/common';
import { AdminAuthentication } from './admin-authentication.js';
import { AdminSessionsService } from './admin-sessions.service.js';
import { SessionController } from './session.controller.js';

@Module({
  providers: [AdminAuthentication, AdminSessionsService],
  controllers: [SessionController],
})
export class AuthModule {}
