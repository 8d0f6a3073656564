import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { AlertAutoResolve } from './alert-auto-resolve.service.js';

@Module({ imports: [DatabaseModule], providers: [AlertAutoResolve], exports: [AlertAutoResolve] })
export class AutoResolveModule {}
