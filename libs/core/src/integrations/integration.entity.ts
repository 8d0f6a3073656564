import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IntegrationType = 'private' | 'shared';

/** A configured instance of a plugin: where one source pushes, with its own secret key. */
@Entity({ name: 'integrations' })
export class Integration {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;

  @Column({ name: 'plugin_id', type: 'varchar', length: 64 })
  pluginId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: IntegrationType;

  /** The channel of a private integration; null for a shared one. */
  @Column({ name: 'channel_id', type: 'varchar', length: 36, nullable: true })
  channelId!: string | null;

  @Column({ name: 'integration_key', type: 'varchar', length: 64 })
  integrationKey!: string;

  /** SHA-256 of the key: pushes are looked up by it, so the lookup never compares raw secrets. */
  @Column({ name: 'integration_key_hash', type: 'varchar', length: 64 })
  integrationKeyHash!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'latest_event_at', nullable: true, type: Date })
  latestEventAt!: Date | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
