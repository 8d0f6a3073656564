import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The retention purge looks for resolved alerts last seen before a cutoff, batch after batch: an
 * index keeps each batch from scanning every alert.
 */
export class RetentionIndex1764500000000 implements MigrationInterface {
  name = 'RetentionIndex1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({ name: 'alerts_status_last_seen', columnNames: ['status', 'last_seen_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('alerts', 'alerts_status_last_seen');
  }
}
