import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { postgresPoolOf } from '../storage/index.js';

/**
 * The PostgreSQL connection pool, read when Prometheus scrapes. SQLite has no pool (one
 * synchronous connection), so these series exist only on PostgreSQL.
 */
@Injectable()
export class DatabasePoolMetrics {
  constructor(registry: Registry, @InjectDataSource() dataSource: DataSource) {
    if (dataSource.options.type !== 'postgres') return;
    const pool = postgresPoolOf(dataSource);
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
