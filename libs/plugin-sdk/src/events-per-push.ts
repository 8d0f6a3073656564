/**
 * Events one push may carry. Above it the core refuses the push whole (413), never half-stored: a
 * 5 MiB body can hold 100 000 small alerts, which would hold SQLite's one writer for half a
 * minute. A parser whose work grows with the items of a body may stop reading past it.
 */
export const MAX_EVENTS_PER_PUSH = 10_000;
