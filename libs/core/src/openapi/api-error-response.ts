import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from '../common/error-response.js';

/** The `error` of every error answer, as `errorResponseFor` builds it. */
export class ApiErrorBody implements ErrorBody {
  @ApiProperty({ description: 'Stable, machine-readable', example: 'InvalidParameter' })
  code!: string;

  @ApiProperty({ description: 'What went wrong, for a person', example: 'invalid request: …' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'More for some codes: the failing fields of an admin request, the JSON `path` of an InvalidPayload, the `path` and mapping `field` of a MappingFailed',
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: unknown;
}

/** Every error answer of the API, whatever the route. */
export class ApiErrorResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'Also in the X-Request-Id header, and on every log line of the request',
  })
  request_id!: string;

  @ApiProperty({ type: ApiErrorBody })
  error!: ApiErrorBody;
}
