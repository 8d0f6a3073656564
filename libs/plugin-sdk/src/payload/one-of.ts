import { PayloadError } from '../payload-error.js';
import { describeValue } from './describe-value.js';
import { readString } from './payload-reader.js';

/**
 * A word of a fixed list (an action, a status), in any case and without surrounding blanks,
 * given back as the list spells it. Anything else is an error that lists the words.
 */
export function readOneOf<Word extends string>(
  value: unknown,
  path: string,
  words: readonly Word[],
): Word {
  const given = readString(value, path).trim().toLowerCase();
  const word = words.find((candidate) => candidate.toLowerCase() === given);
  if (word === undefined) {
    throw new PayloadError(
      `expected one of ${words.join(', ')}, got ${describeValue(value)}`,
      path,
    );
  }
  return word;
}
