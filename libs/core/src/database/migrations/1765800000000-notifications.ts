import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Notifications: subscriptions of channels to destinations, the outbox of alert transitions
 * (written with the transition), the notifications fanned out of it (one per subscription, each
 * delivered on its own) and the log of delivery attempts.
 */
export class Notifications1765800000000 implements MigrationInterface {
  name = 'Notifications1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notification_subscriptions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'channel_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'url', type: 'varchar', length: '2000' },
          { name: 'secret', type: 'varchar', length: '500', isNullable: true },
          { name: 'headers', type: t.json, isNullable: true },
          { name: 'transitions', type: t.json },
          { name: 'filter', type: t.json },
          { name: 'template', type: t.json, isNullable: true },
          { name: 'rate_per_minute', type: 'integer' },
          { name: 'concurrency', type: 'integer' },
          { name: 'version', type: 'integer', default: 0 },
          { name: 'created_at', type: t.time },
          { name: 'updated_at', type: t.time },
        ],
        indices: [{ name: 'notification_subscriptions_channel', columnNames: ['channel_id'] }],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['channel_id'],
            referencedTableName: 'channels',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_outbox',
        columns: [
          t.serialPrimaryKey('id'),
          { name: 'alert_id', type: 'integer' },
          { name: 'channel_id', type: 'varchar', length: '36' },
          { name: 'transition', type: 'varchar', length: '32' },
          { name: 'severity', type: 'varchar', length: '16' },
          { name: 'occurred_at', type: t.time },
          { name: 'snapshot', type: t.json },
        ],
        indices: [{ name: 'notification_outbox_alert', columnNames: ['alert_id', 'id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'subscription_id', type: 'varchar', length: '36' },
          { name: 'alert_id', type: 'integer' },
          { name: 'sequence', type: t.bigint },
          { name: 'transition', type: 'varchar', length: '32' },
          { name: 'severity', type: 'varchar', length: '16' },
          { name: 'occurred_at', type: t.time },
          { name: 'snapshot', type: t.json },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: t.time },
          { name: 'claimed_until', type: t.time, isNullable: true },
          { name: 'created_at', type: t.time },
          { name: 'finished_at', type: t.time, isNullable: true },
          { name: 'last_error', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [
          {
            // One notification per subscription and transition, however often it is reported.
            name: 'notifications_once',
            columnNames: ['subscription_id', 'alert_id', 'transition', 'severity'],
            isUnique: true,
          },
          { name: 'notifications_due', columnNames: ['state', 'next_attempt_at'] },
          { name: 'notifications_order', columnNames: ['subscription_id', 'alert_id', 'sequence'] },
          { name: 'notifications_finished', columnNames: ['finished_at'] },
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
    await queryRunner.createTable(
      new Table({
        name: 'notification_deliveries',
        columns: [
          t.serialPrimaryKey('id'),
          { name: 'subscription_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'notification_ids', type: t.json },
          { name: 'attempted_at', type: t.time },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'http_status', type: 'integer', isNullable: true },
          { name: 'latency_ms', type: 'integer' },
          { name: 'error', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [
          { name: 'notification_deliveries_subscription', columnNames: ['subscription_id', 'id'] },
          { name: 'notification_deliveries_time', columnNames: ['attempted_at'] },
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
    await queryRunner.dropTable('notification_deliveries');
    await queryRunner.dropTable('notifications');
    await queryRunner.dropTable('notification_outbox');
    await queryRunner.dropTable('notification_subscriptions');
  }
}
