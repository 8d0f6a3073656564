import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { CoreModule } from '@alert-hub/core';
import type { AppConfig, AppConfigService } from './config/app-config.js';

/** The composition root: the configuration, the core configured from it, the enabled plugins. */
@Module({})
export class AppModule {
  static register(config: AppConfig, pluginModules: Type[]): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The configuration was read and checked once, by loadConfig, before the app was built:
        // the HTTP server and the logger need it first. ConfigModule only serves that result, so
        // it neither reads `.env` again nor merges the process environment into it or back.
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => config],
        }),
        CoreModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (appConfig: AppConfigService) => appConfig.get('core', { infer: true }),
        }),
        ...pluginModules,
      ],
    };
  }
}
