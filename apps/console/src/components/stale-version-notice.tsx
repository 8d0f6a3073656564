import { useI18n } from '../i18n/i18n';
import { JsonView } from './json-view';

/**
 * A save refused for a stale version (409), and how to go on: reload what is saved now, keeping
 * the edit, which the next save applies over it.
 */
export function StaleVersionNotice({
  savedNow,
  onReload,
}: {
  /** What is saved now, once reloaded; undefined while the user has not reloaded yet. */
  savedNow: unknown;
  onReload: () => void;
}) {
  const { t } = useI18n();
  if (savedNow === undefined) {
    return (
      <div role="alert" className="notice error">
        <p>
          <strong>{t('stale.title')}</strong> {t('stale.explained')}
        </p>
        <button type="button" onClick={onReload}>
          {t('stale.reloadKeepingEdit')}
        </button>
      </div>
    );
  }
  return (
    <div className="notice">
      <p>{t('stale.reloaded')}</p>
      <JsonView value={savedNow} label={t('stale.savedNow')} />
    </div>
  );
}
