import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json-column.js';
import type { RouteCondition } from '../routing/route-set.js';
import type { ScopeType, SilenceMode, SilenceSchedule } from './silence.js';

/** A silence as stored; the API shows it as a `SilenceView`. */
@Entity({ name: 'silences' })
export class Silence {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'text', transformer: jsonColumn })
  conditions!: RouteCondition[];

  @Column({ name: 'scope_type', type: 'varchar', length: 16 })
  scopeType!: ScopeType;

  /** The integration or channel of the scope; null for `all`. */
  @Column({ name: 'scope_id', type: 'varchar', length: 36, nullable: true })
  scopeId!: string | null;

  @Column({ type: 'text', transformer: jsonColumn })
  schedule!: SilenceSchedule;

  @Column({ type: 'varchar', length: 8 })
  mode!: SilenceMode;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ name: 'expires_at', nullable: true, type: Date })
  expiresAt!: Date | null;

  /** The earlier of `expiresAt` and the schedule's end: from then on it can match nothing. */
  @Column({ name: 'ends_at', nullable: true, type: Date })
  endsAt!: Date | null;

  /** Written in batches, at most once a minute per process: see `ActiveSilences`. */
  @Column({ name: 'last_matched_at', nullable: true, type: Date })
  lastMatchedAt!: Date | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
