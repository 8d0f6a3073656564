import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { PeriodicTask } from './periodic-task.js';

/**
 * A provider whose `PeriodicTask` runs while the application does: it starts once every module
 * is ready and stops, letting a run under way finish, before the database closes.
 */
export abstract class ScheduledWork<T> implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly task: PeriodicTask<T>;

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
