import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/index.js';
import { AlertAutoResolve } from './alert-auto-resolve.service.js';

@Module({ imports: [StorageModule], providers: [AlertAutoResolve], exports: [AlertAutoResolve] })
export class AutoResolveModule {}
