import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WriteQueue } from '../storage/index.js';
import { migrationsTableOf } from './migrations.health.js';

/** How long a passing probe is trusted: a probe is written at most this often, however many probes come. */
export const WRITABLE_TRUSTED_FOR_MS = 5_000;
/** How long the probe may take before the database counts as not writable. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Up when the database takes a write. A database that answers reads may still refuse every
 * write (a SQLite file the process may not write, a PostgreSQL standby): `SELECT 1` passes there
 * while every push fails. The probe is an UPDATE that matches no row: it needs the write lock
 * (SQLite) or a read-write transaction (PostgreSQL) and changes nothing, so it costs no sync.
 * A pass is trusted for a while; a failure is not, so that readiness returns as soon as writes
 * do. Probes that arrive together share one.
 */
@Injectable()
export class WritableHealthIndicator {
  private trustedUntil = 0;
  private probing: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key: string) {
    return this.health
      .check(key)
      .attempt(() => this.probeUnlessTrusted())
      .withTimeout(PROBE_TIMEOUT_MS);
  }

  private async probeUnlessTrusted(): Promise<void> {
    if (Date.now() < this.trustedUntil) return;
    this.probing ??= this.probe().finally(() => {
      this.probing = null;
    });
    await this.probing;
  }

  private async probe(): Promise<void> {
    const column = this.dataSource.driver.escape('name');
    const table = this.dataSource.driver.escape(migrationsTableOf(this.dataSource));
    await this.writes.run(() =>
      this.dataSource.query(`UPDATE ${table} SET ${column} = ${column} WHERE 1 = 0`),
    );
    this.trustedUntil = Date.now() + WRITABLE_TRUSTED_FOR_MS;
  }
}
