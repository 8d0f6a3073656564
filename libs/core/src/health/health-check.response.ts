import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

const CHECKS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
  example: { database: { status: 'up' }, migrations: { status: 'up' }, writable: { status: 'up' } },
};

/** What terminus answers for a passing check. */
export class HealthCheckResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: string;

  @ApiProperty({ ...CHECKS, description: 'The checks that passed' })
  info!: Record<string, unknown>;

  @ApiProperty({ ...CHECKS, description: 'The checks that failed: none when the answer is 200' })
  error!: Record<string, unknown>;

  @ApiProperty({ ...CHECKS, description: 'Every check' })
  details!: Record<string, unknown>;
}
