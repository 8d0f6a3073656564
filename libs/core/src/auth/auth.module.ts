import { Module } from '@nestjs/common';
import { AdminAuthentication } from './admin-authentication.js';

@Module({ providers: [AdminAuthentication] })
export class AuthModule {}
