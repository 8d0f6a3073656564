import { useI18n } from '../i18n/i18n';

/** The page's search with `page` holding the cursors of the pages seen, in order. */
export function withCursors(search: URLSearchParams, cursors: string[]): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete('page');
  for (const cursor of cursors) next.append('page', cursor);
  return next;
}

/**
 * Server-side paging by cursor: the pages seen so far are a stack of cursors, so "previous" goes
 * back without the server having to page backwards.
 */
export function Pager({
  cursors,
  nextCursor,
  onChange,
}: {
  cursors: string[];
  nextCursor: string | null;
  onChange: (cursors: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={t('common.paging')}>
      <button
        type="button"
        disabled={cursors.length === 0}
        onClick={() => onChange(cursors.slice(0, -1))}
      >
        {t('common.previousPage')}
      </button>
      <span>{t('common.pageNumber', { page: cursors.length + 1 })}</span>
      <button
        type="button"
        disabled={nextCursor === null}
        onClick={() => nextCursor !== null && onChange([...cursors, nextCursor])}
      >
        {t('common.nextPage')}
      </button>
    </nav>
  );
}
