/** `GMT+08:00`, `GMT-03:30`, `GMT+08:05:43` (a local mean time of old), or `GMT` itself. */
const LONG_OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** One formatter per zone: building one costs far more than using it, and zones are few. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * How far the clocks of an IANA zone are ahead of UTC at an instant, in milliseconds
 * (`Asia/Shanghai`: eight hours). Throws a RangeError for a zone `Intl` does not know: zones come
 * from settings the core validated as such.
 */
export function timeZoneOffsetMilliseconds(timeZone: string, epochMilliseconds: number): number {
  const name = offsetFormatter(timeZone)
    .formatToParts(epochMilliseconds)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = LONG_OFFSET.exec(name ?? '');
  if (!match) throw new RangeError(`no UTC offset for the time zone ${timeZone}: ${name}`);
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = match;
  const magnitude = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000;
  return sign === '-' ? -magnitude : magnitude;
}
