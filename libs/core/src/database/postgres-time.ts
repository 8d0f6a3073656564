/**
 * A time as PostgreSQL reads it into a `timestamptz`: ISO 8601 in UTC. The parsers let only the
 * years 2 to 9999 through; any other year is spelled as PostgreSQL spells it, years before 1 as
 * BC (the year 0 is 1 BC), so that nothing is stored off by a year.
 */
export function postgresTime(date: Date): string {
  const iso = date.toISOString();
  if (iso.length === 24 && !iso.startsWith('0000')) return iso;
  const year = date.getUTCFullYear();
  const rest = iso.slice(iso.indexOf('-', 1));
  return year >= 1 ? `${year}${rest}` : `${String(1 - year).padStart(4, '0')}${rest} BC`;
}
