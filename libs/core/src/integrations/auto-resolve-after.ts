/**
 * How long an integration's alerts of events that never resolve (label `resolves=never`) stay
 * active after their latest event, in seconds: at least a minute, at most 30 days, an hour unless
 * set. One-off events are informational, and an alert that nothing will ever close must not stay
 * active for good.
 */
export const AUTO_RESOLVE_AFTER_SECONDS = { min: 60, max: 2_592_000, default: 3600 } as const;
