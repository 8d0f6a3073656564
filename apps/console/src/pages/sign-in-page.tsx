import { useState, type FormEvent } from 'react';
import { api, must } from '../api/client';
import { ErrorNotice } from '../components/error-notice';
import { LanguageSelect } from '../components/layout';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';

/**
 * The admin token is sent once, to be exchanged for a session cookie the page's scripts cannot
 * read; the token is kept nowhere in the browser, and the field is emptied once it is sent.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await must(api.POST('/api/v1/session', { body: { token } }));
      setToken('');
      onSignedIn();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <Page title={t('signIn.title')}>
        <form onSubmit={(event) => void signIn(event)}>
          <p>{t('signIn.intro')}</p>
          <label htmlFor="admin-token">{t('signIn.token')}</label>
          <input
            id="admin-token"
            type="password"
            autoComplete="off"
            required
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
          <p className="muted">{t('signIn.where')}</p>
          <button type="submit" className="primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
          {error !== undefined && <ErrorNotice error={error} />}
        </form>
        <LanguageSelect />
      </Page>
    </main>
  );
}
