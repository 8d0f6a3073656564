import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Max, Min } from 'class-validator';
import { INTEGER_COLUMN_MAX } from '../../common/integer-column.js';
import { EventMappingSchema } from '../../integrations/dto/event-mapping.schema.js';

export class ReplaceMappingDto {
  /** The settings version this change was made from: a newer one stored meanwhile makes it a 409. */
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: INTEGER_COLUMN_MAX,
    description:
      'The version last read: if the settings changed since, the change is refused (409)',
  })
  @IsInt()
  @Min(0)
  @Max(INTEGER_COLUMN_MAX)
  version!: number;

  /** Checked by the SDK's `compileMapping`, whose messages name each field of the mapping. */
  @ApiProperty({ type: EventMappingSchema })
  @IsObject()
  mapping!: Record<string, unknown>;
}
