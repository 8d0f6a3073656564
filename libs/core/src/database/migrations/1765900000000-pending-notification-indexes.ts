import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const PENDING = "state = 'pending'";

/**
 * The worker reads pending notifications only: how many each subscription has waiting and due,
 * then claims them in sequence order, each the earliest pending one of its alert. Partial indexes
 * hold just the pending rows, however many delivered ones the table keeps: the counts read the
 * index alone, and the claims get their order without a sort (`NotificationQueue`).
 */
export class PendingNotificationIndexes1765900000000 implements MigrationInterface {
  name = 'PendingNotificationIndexes1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'notifications_order');
    await queryRunner.dropIndex('notifications', 'notifications_due');
    await queryRunner.createIndices('notifications', [
      new TableIndex({
        name: 'notifications_pending_due',
        columnNames: ['subscription_id', 'next_attempt_at', 'claimed_until'],
        where: PENDING,
      }),
      new TableIndex({
        name: 'notifications_pending',
        columnNames: ['subscription_id', 'sequence'],
        where: PENDING,
      }),
      new TableIndex({
        name: 'notifications_pending_alert',
        columnNames: ['subscription_id', 'alert_id', 'sequence'],
        where: PENDING,
      }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'notifications_pending_alert');
    await queryRunner.dropIndex('notifications', 'notifications_pending');
    await queryRunner.dropIndex('notifications', 'notifications_pending_due');
    await queryRunner.createIndices('notifications', [
      new TableIndex({
        name: 'notifications_order',
        columnNames: ['subscription_id', 'alert_id', 'sequence'],
      }),
      new TableIndex({ name: 'notifications_due', columnNames: ['state', 'next_attempt_at'] }),
    ]);
  }
}
