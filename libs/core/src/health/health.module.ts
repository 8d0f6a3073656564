import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { MigrationsHealthIndicator } from './migrations.health.js';

@Module({
  // Failed checks are logged by the controller, without terminus repeating them.
  imports: [TerminusModule.forRoot({ logger: false })],
  providers: [MigrationsHealthIndicator],
  controllers: [HealthController],
})
export class HealthModule {}
