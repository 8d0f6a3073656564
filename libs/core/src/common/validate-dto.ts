import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { InvalidParameterError } from './api-error.js';

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}),
    ...messages(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/**
 * Validates a plain object against a DTO class where the global pipe cannot, such as a query
 * string that also carries free-form `label.<name>` keys.
 */
export function validateDto<T extends object>(type: ClassConstructor<T>, plain: object): T {
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const problems = messages(errors);
    throw new InvalidParameterError(`invalid request: ${problems.join('; ')}`, problems);
  }
  return instance;
}
