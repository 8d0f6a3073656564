import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CoreModule } from '@alert-hub/core';
import type { AppConfig } from './config/app-config.js';

/** The composition root: the core, configured, plus the enabled plugins. */
@Module({})
export class AppModule {
  static register(config: AppConfig, pluginModules: Type[]): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRootAsync({ useFactory: () => config.core }), ...pluginModules],
    };
  }
}
