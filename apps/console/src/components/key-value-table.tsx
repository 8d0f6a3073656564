import { useI18n } from '../i18n/i18n';
import { SafeLink } from './safe-link';

/** Labels, annotations or links of an event: a name → value table; links link only to http(s). */
export function KeyValueTable({
  caption,
  entries,
  asLinks,
}: {
  caption: string;
  entries: Record<string, string> | null;
  asLinks?: boolean;
}) {
  const { t } = useI18n();
  const rows = Object.entries(entries ?? {});
  return (
    <table className="key-values">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.name')}</th>
          <th scope="col">{t('common.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              {t('common.nothing')}
            </td>
          </tr>
        ) : (
          rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{asLinks ? <SafeLink url={value} /> : value}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
