import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** What node-postgres' Pool tells about itself. */
interface PgPoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

function isPgPool(value: unknown): value is PgPoolStats {
  if (typeof value !== 'object' || value === null) return false;
  const { totalCount, idleCount, waitingCount } = value as Record<string, unknown>;
  return [totalCount, idleCount, waitingCount].every((count) => typeof count === 'number');
}

/** TypeORM's PostgreSQL driver keeps its pg Pool as `master`. */
function pgPoolOf(dataSource: DataSource): PgPoolStats | undefined {
  if (dataSource.options.type !== 'postgres') return undefined;
  const { master } = dataSource.driver as unknown as { master?: unknown };
  return isPgPool(master) ? master : undefined;
}

/**
 * The PostgreSQL connection pool, read when Prometheus scrapes. SQLite has no pool (one
 * synchronous connection), so these series exist only on PostgreSQL.
 */
@Injectable()
export class DatabasePoolMetrics {
  constructor(registry: Registry, @InjectDataSource() dataSource: DataSource) {
    const pool = pgPoolOf(dataSource);
    if (pool === undefined) return;
    new Gauge({
      name: 'alert_hub_db_pool_connections',
      help: 'Open PostgreSQL connections of this process, in use or idle',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
      },
    });
    new Gauge({
      name: 'alert_hub_db_pool_max_connections',
      help: 'Most PostgreSQL connections this process opens',
      registers: [registry],
      collect() {
        if (pool.options.max !== undefined) this.set(pool.options.max);
      },
    });
    new Gauge({
      name: 'alert_hub_db_pool_waiting_requests',
      help: 'Queries waiting for a free PostgreSQL connection',
      registers: [registry],
      collect() {
        this.set(pool.waitingCount);
      },
    });
  }
}
