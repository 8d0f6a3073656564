import { ApiProperty } from '@nestjs/swagger';
import type { MapTableSummary } from './map-tables.service.js';

/** A map table without its rows. */
export class MapTableView implements Omit<MapTableSummary, 'integrationId'> {
  @ApiProperty({ example: 'clusters' })
  name!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Name it to replace the table' })
  version!: number;

  @ApiProperty({ example: 'cluster_id' })
  keyColumn!: string;

  @ApiProperty({ type: [String], example: ['cluster_id', 'team', 'biz_line'] })
  columns!: string[];

  @ApiProperty({ type: 'integer' })
  rowCount!: number;

  @ApiProperty()
  updatedAt!: Date;
}

export function mapTableView(table: MapTableSummary): MapTableView {
  return {
    name: table.name,
    version: table.version,
    keyColumn: table.keyColumn,
    columns: table.columns,
    rowCount: table.rowCount,
    updatedAt: table.updatedAt,
  };
}
