import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The retention index moves from `(status, last_seen_at)` to `(status, created_at)`. Every repeat
 * writes `last_seen_at`: while an index held it, PostgreSQL could not update the row in place
 * (a HOT update) and wrote a new entry into every index of `alerts` for each repeat. `created_at`
 * never changes, and an alert last seen before a cutoff was created before it too, so the purge
 * can still narrow its search with the index.
 *
 * On PostgreSQL, `alerts` also leaves a fifth of each page free, so that the new version of a
 * repeated row fits beside the old one: a HOT update needs room on the same page.
 */
export class RetentionIndexByCreation1764600000000 implements MigrationInterface {
  name = 'RetentionIndexByCreation1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('alerts', 'alerts_status_last_seen');
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({ name: 'alerts_status_created', columnNames: ['status', 'created_at'] }),
    );
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('ALTER TABLE alerts SET (fillfactor = 80)');
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('ALTER TABLE alerts RESET (fillfactor)');
    }
    await queryRunner.dropIndex('alerts', 'alerts_status_created');
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({ name: 'alerts_status_last_seen', columnNames: ['status', 'last_seen_at'] }),
    );
  }
}
