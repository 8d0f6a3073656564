import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/index.js';
import { AdminAuthentication } from './admin-authentication.js';
import { AdminSessionsService } from './admin-sessions.service.js';
import { SessionController } from './session.controller.js';
import { SignInAttempts } from './sign-in-attempts.js';

@Module({
  imports: [StorageModule],
  providers: [AdminAuthentication, AdminSessionsService, SignInAttempts],
  controllers: [SessionController],
})
export class AuthModule {}
