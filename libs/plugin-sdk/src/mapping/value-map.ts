import type { WorkBudget } from './mapping-budget.js';
import type { ValueMap } from './event-mapping.js';

/**
 * The value a word maps to (case-insensitively), or the map's fallback. Text longer than every
 * word is not even lowercased: a 5 MB status costs nothing.
 */
export function mapWord<T extends string>(
  map: ValueMap<T>,
  word: string | undefined,
  budget: WorkBudget,
): T {
  if (word === undefined || word.length > map.longestWord) return map.fallback;
  budget.spend(word.length);
  return map.values.get(word.toLowerCase()) ?? map.fallback;
}
