import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { StorageModule } from '../storage/index.js';
import { HealthController } from './health.controller.js';
import { MigrationsHealthIndicator } from './migrations.health.js';
import { WritableHealthIndicator } from './writable.health.js';

@Module({
  // Failed checks are logged by the controller, without terminus repeating them.
  imports: [TerminusModule.forRoot({ logger: false }), StorageModule],
  providers: [MigrationsHealthIndicator, WritableHealthIndicator],
  controllers: [HealthController],
})
export class HealthModule {}
