import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Each integration keeps the settings its plugin declares (a signing secret, a time zone). Every
 * existing integration has none: `{}`, which is valid for every plugin whose settings are optional.
 */
export class IntegrationSettings1764800000000 implements MigrationInterface {
  name = 'IntegrationSettings1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.query(
      `ALTER TABLE integrations ADD COLUMN settings ${t.json} NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE integrations DROP COLUMN settings');
  }
}
