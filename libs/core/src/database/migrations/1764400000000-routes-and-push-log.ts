import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Routing rules live on the integration row, so the key lookup of a push already brings them;
 * the push log is a table of its own, trimmed to the latest pushes of each integration.
 */
export class RoutesAndPushLog1764400000000 implements MigrationInterface {
  name = 'RoutesAndPushLog1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    // Plain ALTER TABLE on both databases: TypeORM's addColumn rebuilds a SQLite table.
    await queryRunner.query(`ALTER TABLE integrations ADD COLUMN routes ${t.json} NULL`);
    await queryRunner.query(
      'ALTER TABLE integrations ADD COLUMN routes_version integer NOT NULL DEFAULT 0',
    );

    await queryRunner.createTable(
      new Table({
        name: 'push_log',
        columns: [
          t.serialPrimaryKey('id'),
          { name: 'integration_id', type: 'varchar', length: '36' },
          { name: 'request_id', type: 'varchar', length: '36' },
          { name: 'plugin_id', type: 'varchar', length: '64' },
          { name: 'received_at', type: t.time },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'http_status', type: 'integer' },
          { name: 'error_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'error_message', type: 'varchar', length: '1000', isNullable: true },
          { name: 'events', type: 'integer', isNullable: true },
          { name: 'stored', type: 'integer', isNullable: true },
          { name: 'deduplicated', type: 'integer', isNullable: true },
          { name: 'unrouted', type: 'integer', isNullable: true },
          { name: 'duration_ms', type: 'integer' },
        ],
        indices: [{ name: 'push_log_integration', columnNames: ['integration_id', 'id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('push_log');
    await queryRunner.query('ALTER TABLE integrations DROP COLUMN routes_version');
    await queryRunner.query('ALTER TABLE integrations DROP COLUMN routes');
  }
}
