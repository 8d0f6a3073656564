import { ApiFailure } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** What went wrong, as the API said it: its code, its message and the request id to look up. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiFailure)) {
    return (
      <p role="alert" className="notice error">
        {t('error.unexpected')} {error instanceof Error ? error.message : String(error)}
      </p>
    );
  }
  return (
    <div role="alert" className="notice error">
      <p>
        <strong>{error.code}</strong>: {error.message}
      </p>
      {error.requestId && (
        <p className="muted">
          {t('common.requestId')}: <code>{error.requestId}</code>
        </p>
      )}
    </div>
  );
}
