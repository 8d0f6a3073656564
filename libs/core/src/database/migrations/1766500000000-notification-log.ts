import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from './column-types.js';

/**
 * The outbox becomes the log of alert transitions that subscriptions read, each from its own
 * cursor (`log_key`, `log_id`): a notification gets a row of its own only when it must wait (a
 * failed or rate-limited attempt, a subscription with a backlog), not on its way to a receiver
 * that answers. Rows are kept until the retention purges them, once every subscription of their
 * channel has read them.
 *
 * PostgreSQL numbers ids at insert while transactions commit in any order, so a reader that
 * moved past an id could miss a smaller one committed later. There the log is read by
 * `order_key`: the writing transaction's id (what `pg_current_snapshot()` can say has ended),
 * raised to the key of the alert's previous transition, so that an alert's transitions stay in
 * order; a reader only takes keys below its snapshot's `xmin`, below which every transaction has
 * ended. SQLite has one writer: ids come in commit order and the key is not used.
 */
export class NotificationLog1766500000000 implements MigrationInterface {
  name = 'NotificationLog1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumns('notification_subscriptions', [
      new TableColumn({ name: 'log_key', type: t.bigint, default: 0 }),
      new TableColumn({ name: 'log_id', type: t.bigint, default: 0 }),
    ]);
    if (t.isPostgres) {
      await queryRunner.query(
        'ALTER TABLE notification_outbox ADD COLUMN order_key bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)',
      );
      // An alert's rows are read by the index of (alert_id, id): its last one has the highest key.
      await queryRunner.query(`
        CREATE FUNCTION notification_log_order_key() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.order_key := GREATEST(NEW.order_key, COALESCE((
            SELECT order_key FROM notification_outbox
            WHERE alert_id = NEW.alert_id ORDER BY id DESC LIMIT 1), 0));
          RETURN NEW;
        END $$`);
      await queryRunner.query(
        'CREATE TRIGGER notification_log_order_key BEFORE INSERT ON notification_outbox FOR EACH ROW EXECUTE FUNCTION notification_log_order_key()',
      );
    }
    await queryRunner.createIndex(
      'notification_outbox',
      new TableIndex({
        name: 'notification_outbox_log',
        columnNames: t.isPostgres ? ['channel_id', 'order_key', 'id'] : ['channel_id', 'id'],
      }),
    );
    // Rows are no longer looked up by alert on SQLite (the fan-out did): one index less to
    // write with each transition. PostgreSQL's trigger reads it.
    if (!t.isPostgres)
      await queryRunner.dropIndex('notification_outbox', 'notification_outbox_alert');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    if (!t.isPostgres)
      await queryRunner.createIndex(
        'notification_outbox',
        new TableIndex({ name: 'notification_outbox_alert', columnNames: ['alert_id', 'id'] }),
      );
    await queryRunner.dropIndex('notification_outbox', 'notification_outbox_log');
    if (t.isPostgres) {
      await queryRunner.query('DROP TRIGGER notification_log_order_key ON notification_outbox');
      await queryRunner.query('DROP FUNCTION notification_log_order_key()');
      await queryRunner.query('ALTER TABLE notification_outbox DROP COLUMN order_key');
    }
    await queryRunner.dropColumn('notification_subscriptions', 'log_id');
    await queryRunner.dropColumn('notification_subscriptions', 'log_key');
  }
}
