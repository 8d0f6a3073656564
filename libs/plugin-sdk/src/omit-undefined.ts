/**
 * A copy without the keys whose value is undefined, keeping the order of the others: events then
 * compare and serialize the same whether a field was left out or set to undefined.
 */
export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
