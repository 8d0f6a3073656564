import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { INTEGER_COLUMN_MAX } from '../../common/integer-column.js';
import { MAP_TABLE_LIMITS } from '../map-table.js';

export class UploadMapTableDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: INTEGER_COLUMN_MAX,
    description: 'The version replaced: 0 for a new table; a stale one is refused (409)',
  })
  @IsInt()
  @Min(0)
  @Max(INTEGER_COLUMN_MAX)
  version!: number;

  @ApiProperty({
    description: 'The column whose value a `map` step looks up; the others become labels',
    example: 'cluster_id',
  })
  @IsString()
  @Length(1, 200)
  keyColumn!: string;

  @ApiPropertyOptional({
    maxLength: MAP_TABLE_LIMITS.bytes,
    description: 'The table as CSV, its first line the column names. Give csv or rows',
    example: 'cluster_id,team,biz_line\nc-1,db,payments\n',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAP_TABLE_LIMITS.bytes)
  csv?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: { type: 'string' } },
    maxItems: MAP_TABLE_LIMITS.rows,
    description: 'The table as JSON rows: column name → text. Give csv or rows',
    example: [{ cluster_id: 'c-1', team: 'db', biz_line: 'payments' }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAP_TABLE_LIMITS.rows)
  @IsObject({ each: true })
  rows?: Record<string, unknown>[];
}
