import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/** The console's sessions, shared by every server process of the database. */
export class AdminSessions1765200000000 implements MigrationInterface {
  name = 'AdminSessions1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'admin_sessions',
        columns: [
          { name: 'session_digest', type: 'varchar', length: '64', isPrimary: true },
          { name: 'created_at', type: t.time },
          { name: 'expires_at', type: t.time },
        ],
        indices: [{ name: 'admin_sessions_expiry', columnNames: ['expires_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('admin_sessions');
  }
}
