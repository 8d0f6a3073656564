import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Which server process delivers each subscription, until when. One process at a time sends to a
 * destination, so that its rate and concurrency bounds hold across processes, not per process.
 */
export class SubscriptionLeases1766400000000 implements MigrationInterface {
  name = 'SubscriptionLeases1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notification_subscription_leases',
        columns: [
          { name: 'subscription_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'held_by', type: 'varchar', length: '36' },
          { name: 'held_until', type: t.time },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['subscription_id'],
            referencedTableName: 'notification_subscriptions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_subscription_leases');
  }
}
