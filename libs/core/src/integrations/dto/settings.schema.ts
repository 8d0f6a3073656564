import { getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import { EventMappingSchema } from './event-mapping.schema.js';

/** An integration's settings in the API: text, numbers and flags, and a mapping as an object. */
export const SETTINGS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { $ref: getSchemaPath(EventMappingSchema) },
    ],
  },
};
