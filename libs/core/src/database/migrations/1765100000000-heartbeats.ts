import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * Heartbeats (dead-man's switches) per integration: its settings (`heartbeat`, null: none) and
 * their state, kept in the database so that a restart or another replica finds it as it was:
 * the latest beat, the time the next one is due by, the due time that was missed (its alert is
 * open) and when a sweep took that miss to open its alert. Every existing integration has none.
 *
 * The sweep finds the due heartbeats by a partial index of those that are watched. The push log
 * counts the beats of each accepted push (null for the entries written before).
 */
export class Heartbeats1765100000000 implements MigrationInterface {
  name = 'Heartbeats1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.query(`ALTER TABLE integrations ADD COLUMN heartbeat ${t.json} NULL`);
    for (const column of [
      'last_beat_at',
      'heartbeat_due_at',
      'heartbeat_missed_at',
      'heartbeat_claimed_at',
    ]) {
      await queryRunner.query(`ALTER TABLE integrations ADD COLUMN ${column} ${t.time} NULL`);
    }
    await queryRunner.createIndex(
      'integrations',
      new TableIndex({
        name: 'integrations_heartbeat_due',
        columnNames: ['heartbeat_due_at'],
        where: 'heartbeat_due_at IS NOT NULL',
      }),
    );
    await queryRunner.query('ALTER TABLE push_log ADD COLUMN beats integer NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE push_log DROP COLUMN beats');
    await queryRunner.dropIndex('integrations', 'integrations_heartbeat_due');
    for (const column of [
      'heartbeat_claimed_at',
      'heartbeat_missed_at',
      'heartbeat_due_at',
      'last_beat_at',
      'heartbeat',
    ]) {
      await queryRunner.query(`ALTER TABLE integrations DROP COLUMN ${column}`);
    }
  }
}
