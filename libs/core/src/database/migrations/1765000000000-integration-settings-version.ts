import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An integration's settings get a version, as its routes have one: a change names the version it
 * was made from, and one made from a stale version is refused (409) instead of undoing another.
 */
export class IntegrationSettingsVersion1765000000000 implements MigrationInterface {
  name = 'IntegrationSettingsVersion1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE integrations ADD COLUMN settings_version integer NOT NULL DEFAULT 0',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE integrations DROP COLUMN settings_version');
  }
}
