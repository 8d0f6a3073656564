import { useI18n } from '../i18n/i18n';
import { JsonView } from './json-view';

/** What the notice says, when an editor names what it saves ("the saved routes"). */
export interface StaleVersionTexts {
  title: string;
  explained?: string;
  reloadKeepingEdit: string;
  reloaded: string;
  savedNow: string;
}

/**
 * A save refused for a stale version (409), and how to go on: reload what is saved now, keeping
 * the edit, which the next save applies over it.
 */
export function StaleVersionNotice({
  savedNow,
  onReload,
  texts,
}: {
  /** What is saved now, once reloaded; undefined while the user has not reloaded yet. */
  savedNow: unknown;
  onReload: () => void;
  /** The generic wording when absent. */
  texts?: StaleVersionTexts;
}) {
  const { t } = useI18n();
  const said = texts ?? {
    title: t('stale.title'),
    explained: t('stale.explained'),
    reloadKeepingEdit: t('stale.reloadKeepingEdit'),
    reloaded: t('stale.reloaded'),
    savedNow: t('stale.savedNow'),
  };
  if (savedNow === undefined) {
    return (
      <div role="alert" className="notice error">
        <p>
          <strong>{said.title}</strong> {said.explained}
        </p>
        <button type="button" onClick={onReload}>
          {said.reloadKeepingEdit}
        </button>
      </div>
    );
  }
  return (
    <div className="notice">
      <p>{said.reloaded}</p>
      <JsonView value={savedNow} label={said.savedNow} />
    </div>
  );
}
