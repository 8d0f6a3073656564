import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json-column.js';

/** A lookup table of an integration's pipeline (`map` steps name it), replaced whole. */
@Entity({ name: 'pipeline_map_tables' })
export class MapTable {
  @PrimaryColumn({ name: 'integration_id', type: 'varchar', length: 36 })
  integrationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  /** 1 once uploaded; each replacement adds one, and names the version it replaces. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'key_column', type: 'varchar', length: 200 })
  keyColumn!: string;

  @Column({ type: 'text', transformer: jsonColumn })
  columns!: string[];

  @Column({ type: 'text', transformer: jsonColumn })
  rows!: Record<string, string>[];

  @Column({ name: 'row_count', type: 'integer' })
  rowCount!: number;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
