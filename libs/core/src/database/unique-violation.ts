/** True when an insert broke a unique index: another writer got there first. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: unknown };
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  return driverError !== undefined && driverError !== error && isUniqueViolation(driverError);
}
