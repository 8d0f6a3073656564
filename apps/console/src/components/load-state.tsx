import type { ReactNode } from 'react';
import type { Loaded } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './error-notice';

/** Renders `children` with the data once loaded; meanwhile says it is loading, or what failed. */
export function LoadState<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (loaded.state === 'loading') {
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (loaded.state === 'failed') return <ErrorNotice error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}
