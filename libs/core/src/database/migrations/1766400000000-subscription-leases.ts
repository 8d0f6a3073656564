import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Which server process delivers each subscription, until when. One process at a time sends to a
 * destination, so that its rate and concurrency bounds hold across processes, not per process.
 * A process taking a subscription over reads its attempts of the last window: an index by
 * subscription and time reads just those, however long the subscription's log.
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
    await queryRunner.createIndex(
      'notification_deliveries',
      new TableIndex({
        name: 'notification_deliveries_window',
        columnNames: ['subscription_id', 'attempted_at'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notification_deliveries', 'notification_deliveries_window');
    await queryRunner.dropTable('notification_subscription_leases');
  }
}
