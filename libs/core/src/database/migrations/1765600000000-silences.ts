import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Silences and maintenance windows (see silences/): the silences themselves, versioned like
 * routes, with `ends_at` (when neither schedule nor expiry can let them match again; null:
 * never), which the ingest path's cache loads by.
 *
 * An alert records the silence it was seen under (`silenced_by`, null: visible) and when it last
 * became visible after having been silenced (`unsilenced_at`); an event, the silence that marked
 * it. Every existing alert and event was never silenced. The sweep that un-silences alerts finds
 * them by a partial index of the silenced ones, which a repeat of any other alert leaves alone.
 */
export class Silences1765600000000 implements MigrationInterface {
  name = 'Silences1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'silences',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'reason', type: 'varchar', length: '500' },
          { name: 'conditions', type: t.json },
          { name: 'scope_type', type: 'varchar', length: '16' },
          { name: 'scope_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'schedule', type: t.json },
          { name: 'mode', type: 'varchar', length: '8' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'expires_at', type: t.time, isNullable: true },
          { name: 'ends_at', type: t.time, isNullable: true },
          { name: 'last_matched_at', type: t.time, isNullable: true },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'created_at', type: t.time },
          { name: 'updated_at', type: t.time },
        ],
        indices: [{ name: 'silences_ends', columnNames: ['ends_at'] }],
      }),
    );
    await queryRunner.query('ALTER TABLE alerts ADD COLUMN silenced_by varchar(36) NULL');
    await queryRunner.query(`ALTER TABLE alerts ADD COLUMN unsilenced_at ${t.time} NULL`);
    await queryRunner.query('ALTER TABLE alert_events ADD COLUMN silenced_by varchar(36) NULL');
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({
        name: 'alerts_silenced',
        columnNames: ['status', 'silenced_by'],
        where: "status = 'active' AND silenced_by IS NOT NULL",
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('alerts', 'alerts_silenced');
    await queryRunner.query('ALTER TABLE alert_events DROP COLUMN silenced_by');
    await queryRunner.query('ALTER TABLE alerts DROP COLUMN unsilenced_at');
    await queryRunner.query('ALTER TABLE alerts DROP COLUMN silenced_by');
    await queryRunner.dropTable('silences');
  }
}
