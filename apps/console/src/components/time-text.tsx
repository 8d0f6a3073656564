import { useI18n } from '../i18n/i18n';

/** A time in the browser's time zone; the exact instant in `dateTime` for machines. */
export function TimeText({ value }: { value: string | null | undefined }) {
  const { formatTime } = useI18n();
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatTime(value)}</time>;
}
