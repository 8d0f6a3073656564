import { ApiProperty } from '@nestjs/swagger';
import { EventMappingSchema } from '../integrations/dto/event-mapping.schema.js';

/** An integration's mapping as the API shows it, with the version a change must name. */
export class MappingView {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      "The integration's settings version (the mapping is one of its settings): PUT needs it",
  })
  version!: number;

  @ApiProperty({
    type: EventMappingSchema,
    nullable: true,
    description: 'null until a mapping is set: pushes are refused (422 MappingFailed) till then',
  })
  mapping!: Readonly<Record<string, unknown>> | null;
}
