/**
 * The label a plugin puts on an event its source never follows with a resolve (a one-off event
 * rather than a condition that ends): `resolves=never`. The plugin's severity map reads it first
 * and maps it to `Info`, so such an event opens an informational alert, not one that pages.
 *
 * The core closes that alert by itself: it resolves `autoResolveAfterSeconds` (a setting of the
 * integration, an hour unless changed) after Alert Hub received the latest such event. An
 * informational one-off must not stay active for good; a repeat within that window folds into
 * the same alert and starts the window again; the time received counts, not the event's own, so
 * a source's clock or a replayed event cannot close an alert early or keep it open.
 */
export const NEVER_RESOLVES_LABEL = 'resolves';

/** The value of {@link NEVER_RESOLVES_LABEL}. */
export const NEVER_RESOLVES = 'never';
