import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Alerts of events that never resolve (label `resolves=never`) resolve by themselves: each
 * integration gets its time-out (`auto_resolve_after_seconds`, an hour), and each alert the time it
 * resolves at (`auto_resolve_at`, null for every other alert).
 *
 * Such alerts already active are given the time they would have had, had this rule been in place
 * when they were last seen: the first sweep after the upgrade closes those seen more than an hour
 * ago, at that time. The label is written out, not imported: a migration does not change.
 *
 * The sweep finds due alerts by a partial index of the active ones with a time. It names `status`
 * too, which all its rows share: SQLite, without statistics, would otherwise rather search
 * another index by its `status` alone. A repeat of any other alert leaves its null as it was, so
 * it stays a HOT update on PostgreSQL (see RetentionIndexByCreation1764600000000).
 */
export class AutoResolve1764900000000 implements MigrationInterface {
  name = 'AutoResolve1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.query(
      'ALTER TABLE integrations ADD COLUMN auto_resolve_after_seconds integer NOT NULL DEFAULT 3600',
    );
    await queryRunner.query(`ALTER TABLE alerts ADD COLUMN auto_resolve_at ${t.time} NULL`);
    await queryRunner.query(
      t.isPostgres
        ? `UPDATE alerts SET auto_resolve_at = last_seen_at + interval '3600 seconds'
           WHERE status = 'active' AND labels ->> 'resolves' = 'never'`
        : `UPDATE alerts SET auto_resolve_at = strftime('%Y-%m-%d %H:%M:%f', last_seen_at, '+3600 seconds')
           WHERE status = 'active' AND json_extract(labels, '$.resolves') = 'never'`,
    );
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({
        name: 'alerts_auto_resolve',
        columnNames: ['status', 'auto_resolve_at'],
        where: "status = 'active' AND auto_resolve_at IS NOT NULL",
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('alerts', 'alerts_auto_resolve');
    await queryRunner.query('ALTER TABLE alerts DROP COLUMN auto_resolve_at');
    await queryRunner.query('ALTER TABLE integrations DROP COLUMN auto_resolve_after_seconds');
  }
}
