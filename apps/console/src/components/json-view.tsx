import { useI18n } from '../i18n/i18n';

/** How much of a payload is shown: a stored one is bounded by the server, a sample is small. */
const SHOWN_CHARACTERS = 20_000;

/** A JSON value, indented, cut (and said to be cut) past a bound so a page stays light. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  const { t, formatNumber } = useI18n();
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  const cut = text.length > SHOWN_CHARACTERS;
  return (
    <figure className="json">
      <figcaption>{label}</figcaption>
      <pre tabIndex={0}>{cut ? text.slice(0, SHOWN_CHARACTERS) : text}</pre>
      {cut && (
        <p className="muted">
          {t('common.cut', {
            shown: formatNumber(SHOWN_CHARACTERS),
            total: formatNumber(text.length),
          })}
        </p>
      )}
    </figure>
  );
}
