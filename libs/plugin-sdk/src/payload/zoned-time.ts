/** Whether `name` is an IANA time zone this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZoneName(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** One formatter per zone: building one costs far more than using it. Zones are finitely many. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** `GMT`, `GMT+08:00`, `GMT-03:30`, or with seconds for the local mean times before 1900. */
const GMT_OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function offsetMinutesAt(timeZone: string, instant: number): number {
  let formatter = offsetFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName');
  const match = GMT_OFFSET.exec(name?.value ?? 'GMT');
  if (!match?.[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Math.round(Number(match[4] ?? 0) / 60);
  return match[1] === '-' ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`;
}

/**
 * The UTC offset (`+02:00`) a zone had at a local date and time, given as the milliseconds that
 * date and time would be in UTC: what {@link readLocalTime} needs for a source that writes local
 * times of a zone with summer time. A local time that a clock change skips gets the offset from
 * before the change; one it repeats, the offset from after it.
 */
export function utcOffsetAt(timeZone: string, localTimeAsUtc: number): string {
  const guess = localTimeAsUtc - offsetMinutesAt(timeZone, localTimeAsUtc) * 60_000;
  return formatOffset(offsetMinutesAt(timeZone, guess));
}
