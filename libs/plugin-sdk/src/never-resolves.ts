/**
 * The label a plugin puts on an event its source never follows with a resolve (a one-off event
 * rather than a condition that ends): `resolves=never`. The plugin's severity map reads it first
 * and maps it to `Info`, so such an event opens an informational alert, not one that pages and
 * stays open for good. Whether the core should close such alerts after a while is not decided yet.
 */
export const NEVER_RESOLVES_LABEL = 'resolves';

/** The value of {@link NEVER_RESOLVES_LABEL}. */
export const NEVER_RESOLVES = 'never';
