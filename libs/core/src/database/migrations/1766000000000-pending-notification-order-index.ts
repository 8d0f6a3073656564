import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const PENDING = "state = 'pending'";

/**
 * One partial index for the worker's counts and claims instead of two: `notifications_pending`
 * now also holds the due time, so the counts per subscription (`NotificationQueue.waiting`) read
 * it alone, and `notifications_pending_due` goes (on SQLite the counts never read it alone: it
 * lacked `state`). No index holds `claimed_until` any more: a
 * claim, which sets it on every notification it takes, rewrites the row and no index (on
 * PostgreSQL the update may stay on its page, a HOT update).
 */
export class PendingNotificationOrderIndex1766000000000 implements MigrationInterface {
  name = 'PendingNotificationOrderIndex1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'notifications_pending_due');
    await queryRunner.dropIndex('notifications', 'notifications_pending');
    await queryRunner.createIndex(
      'notifications',
      new TableIndex({
        name: 'notifications_pending',
        // `state` too, though every row says 'pending': SQLite reads an index alone only when it
        // holds every column the query names, the partial index's condition included.
        columnNames: ['subscription_id', 'sequence', 'next_attempt_at', 'state'],
        where: PENDING,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'notifications_pending');
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
    ]);
  }
}
