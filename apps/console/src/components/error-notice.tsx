import { ApiFailure } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { en, type MessageKey } from '../i18n/en';

/** The API's error codes the console says in its own words; any other shows the server's text. */
function translatedKey(code: string): MessageKey | undefined {
  const key = `apiError.${code}`;
  return key in en ? (key as MessageKey) : undefined;
}

/** `details` of an error as values for its message (`{retryAfterSeconds}`…), when an object. */
function detailValues(details: unknown): Record<string, string | number> {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return {};
  return Object.fromEntries(
    Object.entries(details).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

/**
 * What went wrong: its code, the console's sentence for it (the server's own text beside it,
 * since it names the field or the id), and the request id to look up in the server's log.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiFailure)) {
    return (
      <p role="alert" className="notice error">
        {t('error.unexpected')} {error instanceof Error ? error.message : String(error)}
      </p>
    );
  }
  const key = translatedKey(error.code);
  return (
    <div role="alert" className="notice error">
      <p>
        <strong>{error.code}</strong>: {key ? t(key, detailValues(error.details)) : error.message}
      </p>
      {key && <p className="muted">{t('common.serverSaid', { message: error.message })}</p>}
      {error.requestId && (
        <p className="muted">
          {t('common.requestId')}: <code>{error.requestId}</code>
        </p>
      )}
    </div>
  );
}
