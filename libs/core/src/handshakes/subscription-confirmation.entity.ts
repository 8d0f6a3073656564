import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A subscription handshake the core performed: one per (integration, message id), so that a
 * repeat of the message (a retry, a replay) is answered without fetching its URL again.
 */
@Entity({ name: 'subscription_confirmations' })
export class SubscriptionConfirmation {
  @PrimaryColumn({ name: 'integration_id', type: 'varchar', length: 36 })
  integrationId!: string;

  /** The source's message id; a longer one is stored as its hash. */
  @PrimaryColumn({ name: 'message_id', type: 'varchar', length: 255 })
  messageId!: string;

  /** What was confirmed, as the plugin said: `SNS subscription to arn:aws:sns:…`. */
  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  /** The host (and port, if not 443) the confirmation URL was fetched from. */
  @Column({ name: 'confirm_host', type: 'varchar', length: 255 })
  confirmHost!: string;

  @Column({ name: 'http_status', type: 'integer' })
  httpStatus!: number;

  @Column({ name: 'confirmed_at' })
  confirmedAt!: Date;
}
