import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * An integration's processing pipeline (null: none) with its version, the map tables its steps
 * look up, and on each event the steps that changed it (null: none did, or it was stored
 * before pipelines existed).
 */
export class ProcessingPipeline1765500000000 implements MigrationInterface {
  name = 'ProcessingPipeline1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.query(`ALTER TABLE integrations ADD COLUMN pipeline ${t.json} NULL`);
    await queryRunner.query(
      'ALTER TABLE integrations ADD COLUMN pipeline_version integer NOT NULL DEFAULT 0',
    );
    await queryRunner.query(`ALTER TABLE alert_events ADD COLUMN pipeline_steps ${t.json} NULL`);
    await queryRunner.createTable(
      new Table({
        name: 'pipeline_map_tables',
        columns: [
          { name: 'integration_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'version', type: 'integer' },
          { name: 'key_column', type: 'varchar', length: '200' },
          { name: 'columns', type: t.json },
          { name: 'rows', type: t.json },
          { name: 'row_count', type: 'integer' },
          { name: 'updated_at', type: t.time },
        ],
        foreignKeys: [
          {
            columnNames: ['integration_id'],
            referencedTableName: 'integrations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('pipeline_map_tables');
    await queryRunner.query('ALTER TABLE alert_events DROP COLUMN pipeline_steps');
    await queryRunner.query('ALTER TABLE integrations DROP COLUMN pipeline_version');
    await queryRunner.query('ALTER TABLE integrations DROP COLUMN pipeline');
  }
}
