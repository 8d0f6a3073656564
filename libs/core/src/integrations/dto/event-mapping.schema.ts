import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_STATUSES,
  GRAMMAR_LIMITS,
  MAPPING_LIMITS,
  PATTERN_LENGTH_LIMIT,
  SEVERITIES,
  TIME_FORMATS,
  type EventMappingDocument,
  type EventStatus,
  type Severity,
  type TimeFormat,
} from '@alert-hub/plugin-sdk';

// The OpenAPI description of the SDK's mapping document. The SDK's `compileMapping` is what
// checks a mapping (with messages naming each field); these classes only describe it.

const PATH = `A path: \`$\` is the item, \`$$\` the whole body, then \`.name\`, \`[index]\` (negative from the end) or \`["any key"]\`; at most ${GRAMMAR_LIMITS.pathSteps} steps`;
const TEMPLATE = `A template: text with \`{{ path }}\` slots; \`{{ $.a | $.b | "text" }}\` takes the first that gives text; at most ${GRAMMAR_LIMITS.templateLength} characters and ${GRAMMAR_LIMITS.slotsPerTemplate} slots`;
const PATH_OR_PATHS = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

class EventTimeSchema {
  @ApiProperty({ description: PATH, example: '$.timestamp' })
  path!: string;

  @ApiPropertyOptional({
    enum: TIME_FORMATS,
    default: 'auto',
    description:
      'auto: a number (or digits) is Unix seconds or milliseconds by size, anything else ISO 8601; iso8601; epoch; pattern',
  })
  format?: TimeFormat;

  @ApiPropertyOptional({
    maxLength: PATTERN_LENGTH_LIMIT,
    description: 'With format pattern: YYYY MM DD HH mm ss SSS and separators',
    example: 'DD/MM/YYYY HH:mm:ss',
  })
  pattern?: string;

  @ApiPropertyOptional({
    default: 'UTC',
    description: 'The zone of times written without one: an IANA name or a UTC offset',
    example: 'Europe/Paris',
  })
  timezone?: string;
}

class SeveritySectionSchema {
  @ApiPropertyOptional({ description: `${PATH}; without it every event gets the default` })
  path?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...SEVERITIES] },
    maxProperties: MAPPING_LIMITS.valueWords,
    description: 'Word of the source (any case; numbers as text) → severity',
    example: { error: 'Critical', warn: 'Warning', '3': 'Critical' },
  })
  values?: Record<string, Severity>;

  @ApiPropertyOptional({ enum: SEVERITIES, default: 'Warning' })
  default?: Severity;
}

class StatusSectionSchema {
  @ApiPropertyOptional({ description: `${PATH}; without it every event gets the default` })
  path?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...EVENT_STATUSES] },
    maxProperties: MAPPING_LIMITS.valueWords,
    description: 'Word of the source (any case; numbers and booleans as text) → status',
    example: { RESOLVED: 'resolved', OK: 'resolved', '0': 'resolved' },
  })
  values?: Record<string, EventStatus>;

  @ApiPropertyOptional({ enum: EVENT_STATUSES, default: 'firing' })
  default?: EventStatus;
}

/** A mapping: how the mapped webhook plugin reads events from any JSON body. */
export class EventMappingSchema implements EventMappingDocument {
  @ApiPropertyOptional({
    description: `${PATH}. The array of items, one event each; without it the body is one item`,
    example: '$.alerts',
  })
  items?: string;

  @ApiProperty({
    ...PATH_OR_PATHS,
    description: `1 to ${MAPPING_LIMITS.alertKeyPaths} paths whose values, hashed together, are the alert key; a push where one is missing or null is refused (422)`,
    example: ['$.host', '$.check'],
  })
  alertKey!: string | string[];

  @ApiProperty({ description: TEMPLATE, example: '{{ $.host }}: {{ $.check }}' })
  title!: string;

  @ApiPropertyOptional({ description: TEMPLATE })
  description?: string;

  @ApiPropertyOptional({
    ...PATH_OR_PATHS,
    description: `Up to ${MAPPING_LIMITS.labelsFromPaths} paths to objects (or arrays of [name, value] pairs or {key, value} objects) whose entries all become labels`,
    example: '$.tags',
  })
  labelsFrom?: string | string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    maxProperties: MAPPING_LIMITS.labels,
    description: 'Label name → template; wins over labelsFrom',
    example: { host: '{{ $.host }}' },
  })
  labels?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    maxProperties: MAPPING_LIMITS.links,
    description: 'Link name (camelCase) → template of an http(s) URL',
    example: { sourceUrl: '{{ $.url }}' },
  })
  links?: Record<string, string>;

  @ApiPropertyOptional({
    type: EventTimeSchema,
    description: 'Without it, or when the path gives nothing: the time received',
  })
  eventTime?: EventTimeSchema;

  @ApiPropertyOptional({
    type: SeveritySectionSchema,
    description: "Without it: the plugin's severity map (a label named severity)",
  })
  severity?: SeveritySectionSchema;

  @ApiPropertyOptional({ type: StatusSectionSchema, description: 'Without it: firing' })
  status?: StatusSectionSchema;
}
