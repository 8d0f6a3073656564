import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Subscription handshakes (AWS SNS, Huawei SMN) are remembered per integration and message id, so
 * a replayed confirmation is not fetched again; a push log entry may carry a plugin's note (why
 * an accepted push stored nothing, what a handshake confirmed). Existing entries have none.
 */
export class SubscriptionConfirmationsAndPushNotes1764950000000 implements MigrationInterface {
  name = 'SubscriptionConfirmationsAndPushNotes1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'subscription_confirmations',
        columns: [
          { name: 'integration_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'message_id', type: 'varchar', length: '255', isPrimary: true },
          { name: 'description', type: 'varchar', length: '1000' },
          { name: 'confirm_host', type: 'varchar', length: '255' },
          { name: 'http_status', type: 'integer' },
          { name: 'confirmed_at', type: t.time },
        ],
      }),
    );
    // Plain ALTER TABLE on both databases: TypeORM's addColumn rebuilds a SQLite table.
    await queryRunner.query('ALTER TABLE push_log ADD COLUMN note varchar(1000) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE push_log DROP COLUMN note');
    await queryRunner.dropTable('subscription_confirmations');
  }
}
