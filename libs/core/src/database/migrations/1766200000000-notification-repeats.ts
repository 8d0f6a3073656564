import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `notifications_once` was unique on (subscription, alert, transition, severity): a transition
 * the alert had made before was never told again, so an alert going Warning → Critical →
 * Warning → Critical told nobody of its second change to Critical. Nothing else can put a
 * notification in twice (the fan-out takes an outbox row once, in the transaction that deletes
 * it). A plain index on the subscription is what remains needed: deleting a subscription
 * deletes its notifications by it.
 */
export class NotificationRepeats1766200000000 implements MigrationInterface {
  name = 'NotificationRepeats1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'notifications_once');
    await queryRunner.createIndex(
      'notifications',
      new TableIndex({ name: 'notifications_subscription', columnNames: ['subscription_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'notifications_subscription');
    await queryRunner.createIndex(
      'notifications',
      new TableIndex({
        name: 'notifications_once',
        columnNames: ['subscription_id', 'alert_id', 'transition', 'severity'],
        isUnique: true,
      }),
    );
  }
}
