import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** TypeORM's default name of the table that lists applied migrations. */
const DEFAULT_MIGRATIONS_TABLE = 'migrations';

/** The table that lists the applied migrations: there in every migrated database. */
export function migrationsTableOf(dataSource: DataSource): string {
  return dataSource.options.migrationsTableName ?? DEFAULT_MIGRATIONS_TABLE;
}

/**
 * Up when every migration this build knows is applied. One small query, unlike TypeORM's
 * `showMigrations()`, which also inspects the catalogue for the table on every call.
 */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key: string) {
    return this.health.check(key).attempt(async () => {
      const rows = await this.dataSource
        .createQueryBuilder()
        .select('name')
        .from(migrationsTableOf(this.dataSource), 'migration')
        .getRawMany<{ name: string }>();
      const applied = new Set(rows.map((row) => row.name));
      const pending = this.dataSource.migrations
        .map((migration) => migration.name ?? migration.constructor.name)
        .filter((name) => !applied.has(name));
      if (pending.length > 0) throw new Error(`pending migrations: ${pending.join(', ')}`);
    });
  }
}
