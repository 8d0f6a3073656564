import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An alert's identity becomes (integration, channel, alert key): the key is the sender's to
 * choose, so with only (channel, key) any integration sending into a channel could update or
 * resolve another's alert. The unique index "one active alert per identity" and the lookup index
 * of the push writers take the integration in.
 *
 * Existing rows need no change: `integration_id` already names the integration that opened each
 * alert, which is who owns it from now on. Every pair of rows the old unique index allowed, the
 * new one allows too, so the migration cannot fail on existing data.
 */
export class AlertIdentityByIntegration1764700000000 implements MigrationInterface {
  name = 'AlertIdentityByIntegration1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('alerts', 'alerts_one_active_per_key');
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({
        name: 'alerts_one_active_per_identity',
        columnNames: ['integration_id', 'channel_id', 'alert_key'],
        isUnique: true,
        where: "status = 'active'",
      }),
    );
    await queryRunner.dropIndex('alerts', 'alerts_key');
    // The key first: it also serves the alert lists filtered by `alertKey` alone.
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({
        name: 'alerts_identity',
        columnNames: ['alert_key', 'channel_id', 'integration_id', 'id'],
      }),
    );
  }

  /** Fails if two integrations now hold an active alert of the same key in one channel. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('alerts', 'alerts_identity');
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({ name: 'alerts_key', columnNames: ['alert_key', 'channel_id', 'id'] }),
    );
    await queryRunner.dropIndex('alerts', 'alerts_one_active_per_identity');
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({
        name: 'alerts_one_active_per_key',
        columnNames: ['channel_id', 'alert_key'],
        isUnique: true,
        where: "status = 'active'",
      }),
    );
  }
}
