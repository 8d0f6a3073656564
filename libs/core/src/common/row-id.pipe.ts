import { Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidParameterError } from './api-error.js';

/**
 * A numeric id from a path: a whole number (400 otherwise), however large. One larger than any
 * row can have is left to the service, which answers 404 as for any id nothing has. The global
 * ValidationPipe may have made the text a number already (`1e+23` for 23 nines).
 */
@Injectable()
export class RowIdPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    const id = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(id) || id < 0) {
      throw new InvalidParameterError('id: a whole number is expected', [
        'id must be a whole number',
      ]);
    }
    return id;
  }
}
