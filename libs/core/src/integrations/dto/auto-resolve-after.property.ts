import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { AUTO_RESOLVE_AFTER_SECONDS } from '../auto-resolve-after.js';

/**
 * `autoResolveAfterSeconds` of a body that creates or changes an integration: optional, but
 * `null` is refused with the rest, since it would mean no time-out, which the field cannot be.
 */
export function AutoResolveAfterSecondsProperty(description: string): PropertyDecorator {
  const { min, max } = AUTO_RESOLVE_AFTER_SECONDS;
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, description }),
    ValidateIf((_dto: object, value: unknown) => value !== undefined),
    IsInt(),
    Min(min),
    Max(max),
  );
}
