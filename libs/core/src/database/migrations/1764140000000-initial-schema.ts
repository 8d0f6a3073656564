import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

export class InitialSchema1764140000000 implements MigrationInterface {
  name = 'InitialSchema1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'channels',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'description', type: 'varchar', length: '1000', default: "''" },
          { name: 'created_at', type: t.time },
          { name: 'updated_at', type: t.time },
        ],
        indices: [{ name: 'channels_name_unique', columnNames: ['name'], isUnique: true }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'integrations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'description', type: 'varchar', length: '1000', default: "''" },
          { name: 'plugin_id', type: 'varchar', length: '64' },
          { name: 'type', type: 'varchar', length: '16' },
          { name: 'channel_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'integration_key', type: 'varchar', length: '64' },
          { name: 'integration_key_hash', type: 'varchar', length: '64' },
          { name: 'enabled', type: 'boolean', default: t.true },
          { name: 'latest_event_at', type: t.time, isNullable: true },
          { name: 'created_at', type: t.time },
          { name: 'updated_at', type: t.time },
        ],
        indices: [
          {
            name: 'integrations_key_hash_unique',
            columnNames: ['integration_key_hash'],
            isUnique: true,
          },
          { name: 'integrations_channel', columnNames: ['channel_id'] },
          { name: 'integrations_plugin', columnNames: ['plugin_id'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'alerts',
        columns: [
          t.serialPrimaryKey('id'),
          { name: 'channel_id', type: 'varchar', length: '36' },
          { name: 'alert_key', type: 'varchar', length: '255' },
          { name: 'integration_id', type: 'varchar', length: '36' },
          { name: 'plugin_id', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'severity', type: 'varchar', length: '16' },
          { name: 'title', type: 'varchar', length: '512' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'labels', type: t.json },
          { name: 'starts_at', type: t.time, isNullable: true },
          { name: 'resolved_at', type: t.time, isNullable: true },
          { name: 'last_event_at', type: t.time },
          { name: 'last_seen_at', type: t.time },
          { name: 'event_count', type: 'integer' },
          { name: 'repeat_count', type: 'integer' },
          { name: 'last_event_signature', type: 'varchar', length: '128' },
          { name: 'created_at', type: t.time },
          { name: 'updated_at', type: t.time },
        ],
        indices: [
          { name: 'alerts_channel', columnNames: ['channel_id', 'id'] },
          { name: 'alerts_key', columnNames: ['alert_key', 'channel_id', 'id'] },
          { name: 'alerts_integration', columnNames: ['integration_id', 'id'] },
          { name: 'alerts_status_severity', columnNames: ['status', 'severity', 'id'] },
        ],
      }),
    );
    // The rule "at most one active alert per key and channel" lives in the database, so two
    // processes receiving the same alert at once cannot both open one.
    await queryRunner.createIndex(
      'alerts',
      new TableIndex({
        name: 'alerts_one_active_per_key',
        columnNames: ['channel_id', 'alert_key'],
        isUnique: true,
        where: "status = 'active'",
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'alert_events',
        columns: [
          t.serialPrimaryKey('id'),
          { name: 'integration_id', type: 'varchar', length: '36' },
          { name: 'plugin_id', type: 'varchar', length: '64' },
          { name: 'channel_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'alert_id', type: t.bigint, isNullable: true },
          { name: 'alert_key', type: 'varchar', length: '255' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'severity', type: 'varchar', length: '16' },
          { name: 'event_status', type: 'varchar', length: '16' },
          { name: 'source_severity', type: 'varchar', length: '255', isNullable: true },
          { name: 'title', type: 'varchar', length: '512' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'labels', type: t.json },
          { name: 'annotations', type: t.json },
          { name: 'links', type: t.json, isNullable: true },
          { name: 'starts_at', type: t.time, isNullable: true },
          { name: 'ends_at', type: t.time, isNullable: true },
          { name: 'event_time', type: t.time },
          { name: 'received_at', type: t.time },
          { name: 'request_id', type: 'varchar', length: '36' },
          { name: 'raw', type: t.json },
        ],
        indices: [
          { name: 'alert_events_channel', columnNames: ['channel_id', 'id'] },
          { name: 'alert_events_integration', columnNames: ['integration_id', 'id'] },
          { name: 'alert_events_alert', columnNames: ['alert_id', 'id'] },
          { name: 'alert_events_key', columnNames: ['alert_key', 'id'] },
          { name: 'alert_events_received', columnNames: ['received_at'] },
        ],
      }),
    );
    if (t.isPostgres) {
      await queryRunner.query(
        'CREATE INDEX alert_events_labels ON alert_events USING gin (labels jsonb_path_ops)',
      );
      await queryRunner.query(
        'CREATE INDEX alerts_labels ON alerts USING gin (labels jsonb_path_ops)',
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('alert_events');
    await queryRunner.dropTable('alerts');
    await queryRunner.dropTable('integrations');
    await queryRunner.dropTable('channels');
  }
}
