/** Whether `name` is an IANA time zone this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZoneName(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
