import { ApiProperty } from '@nestjs/swagger';

/** An integration's setup guide, with its own push URL filled in. */
export class IntegrationDocs {
  @ApiProperty({ example: 'prometheus' })
  pluginId!: string;

  @ApiProperty()
  pushUrl!: string;

  @ApiProperty({ description: 'Markdown' })
  setup!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Sample payloads by name, as the source sends them',
  })
  samples!: Record<string, unknown>;
}
