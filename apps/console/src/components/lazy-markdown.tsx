import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/i18n';

/** The Markdown renderer is loaded when a page first shows a guide, not with the console. */
const Markdown = lazy(() => import('./markdown'));

export function LazyMarkdown({ source }: { source: string }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
      <Markdown source={source} />
    </Suspense>
  );
}
