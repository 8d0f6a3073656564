import { InvalidParameterError } from '../common/api-error.js';

/** Cursors are opaque to clients: the id of the last row of the page, newest-first. */
export function encodeCursor(lastId: number): string {
  return Buffer.from(`id:${lastId}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new InvalidParameterError('cursor: not a cursor this API returned', [
      'cursor must be a nextCursor value from a previous page',
    ]);
  }
  return Number(match[1]);
}
