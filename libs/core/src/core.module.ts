import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AuthModule } from './auth/auth.module.js';
import { AutoResolveModule } from './auto-resolve/auto-resolve.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { CORE_ENTITIES } from './core-entities.js';
import { CORE_OPTIONS, type CoreOptions } from './core-options.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { createPrivateSqliteFile } from './database/sqlite-file.js';
import { runMigrations } from './database/run-migrations.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { HeartbeatsModule } from './heartbeats/heartbeats.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { IntegrationsModule } from './integrations/integrations.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MappingModule } from './mapping/mapping.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PluginsModule } from './plugins/plugins.module.js';
import { PushLogModule } from './push-log/push-log.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { PipelineModule } from './pipeline/pipeline.module.js';
import { RoutingModule } from './routing/routing.module.js';
import { SilencesModule } from './silences/silences.module.js';
import { StorageModule } from './storage/index.js';

export interface CoreModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => CoreOptions | Promise<CoreOptions>;
}

/** A global module holding the options, so every core module can inject them. */
@Module({})
class CoreOptionsModule {
  static register(options: CoreModuleAsyncOptions): DynamicModule {
    return {
      module: CoreOptionsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: CORE_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
      ],
      exports: [CORE_OPTIONS],
    };
  }
}

/** Everything Alert Hub is besides its plugins: import once, in the app module. */
@Module({})
export class CoreModule {
  static forRootAsync(options: CoreModuleAsyncOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        CoreOptionsModule.register(options),
        TypeOrmModule.forRootAsync({
          inject: [CORE_OPTIONS],
          useFactory: (core: CoreOptions) => ({
            ...dataSourceOptions(core.database, CORE_ENTITIES),
            retryAttempts: 2,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('database options are missing');
            if (dataSourceOptions.type === 'better-sqlite3') {
              createPrivateSqliteFile(dataSourceOptions.database);
            }
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        StorageModule,
        AuthModule,
        PluginsModule,
        ChannelsModule,
        IntegrationsModule,
        RoutingModule,
        PipelineModule,
        MappingModule,
        EventsModule,
        IngestModule,
        PushLogModule,
        HealthModule,
        MetricsModule,
        LoggingModule,
        RetentionModule,
        AutoResolveModule,
        HeartbeatsModule,
        SilencesModule,
        NotificationsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
