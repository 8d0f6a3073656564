import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's raw payload is kept as text on PostgreSQL too (SQLite always had it so). Nothing
 * queries inside it: it is read back whole by `GET /events/:id` only. As jsonb, every stored
 * event paid for a parse into PostgreSQL's binary form and stored the larger result; as text it
 * is stored as the server measured it (see docs/performance.md). The existing rows are kept,
 * converted (PostgreSQL's jsonb spells them normalized, which reads back the same JSON).
 */
export class RawEventJsonAsText1765300000000 implements MigrationInterface {
  name = 'RawEventJsonAsText1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query('ALTER TABLE alert_events ALTER COLUMN raw TYPE text USING raw::text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      'ALTER TABLE alert_events ALTER COLUMN raw TYPE jsonb USING raw::jsonb',
    );
  }
}
