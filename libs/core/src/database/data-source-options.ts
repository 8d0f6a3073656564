import type { DataSourceOptions } from 'typeorm';
import type { DatabaseOptions } from '../core-options.js';
import { MIGRATIONS } from './migrations/index.js';

const DEFAULT_POOL_SIZE = 16;

interface SqlitePragmaTarget {
  pragma(source: string): unknown;
}

/**
 * WAL lets readers run beside the writer; synchronous=FULL makes every commit survive a power
 * loss, which is what a 2xx from a webhook promises. temp_store=MEMORY keeps statement journals
 * (the pages one statement changed, to undo it alone) in memory: nothing in them needs to survive
 * a crash.
 */
function prepareSqlite(database: SqlitePragmaTarget): void {
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('temp_store = MEMORY');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
}

/**
 * The tables' entities come from the caller, where the core's features are put together
 * (`CORE_ENTITIES`): the features use the database, and database/ knows none of them.
 */
export function dataSourceOptions(
  database: DatabaseOptions,
  entities: NonNullable<DataSourceOptions['entities']>,
): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (database.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      prepareDatabase: prepareSqlite,
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: database.url,
    // bigint ids stay far below 2^53: read them as numbers, not strings.
    parseInt8: true,
    extra: {
      max: database.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: 5000,
      // Pooled connections that a firewall or a failover dropped silently are noticed. (The
      // queries storing pushes also have a timeout of their own, see EventStore; others have
      // none: a migration may rightly run for minutes.)
      keepAlive: true,
    },
  };
}
