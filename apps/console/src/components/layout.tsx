import { useId, type ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { LANGUAGES, useI18n, type Language } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

const SECTIONS: Array<{ path: string; label: MessageKey }> = [
  { path: '/overview', label: 'nav.overview' },
  { path: '/alerts', label: 'nav.alerts' },
  { path: '/events', label: 'nav.events' },
  { path: '/integrations', label: 'nav.integrations' },
  { path: '/channels', label: 'nav.channels' },
  { path: '/silences', label: 'nav.silences' },
  { path: '/plugins', label: 'nav.plugins' },
];

function NavLink({ path, children }: { path: string; children: string }) {
  const [exact] = useRoute(path);
  const [within] = useRoute(`${path}/*`);
  return (
    <Link href={path} aria-current={exact || within ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function LanguageSelect() {
  const { t, language, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('nav.language')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        {Object.entries(LANGUAGES).map(([tag, name]) => (
          <option key={tag} value={tag} lang={tag}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The frame of every signed-in page: a skip link, the sections, the language, signing out. */
export function Layout({ onSignOut, children }: { onSignOut: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <span className="brand">Alert Hub</span>
        <nav aria-label={t('nav.sections')}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.path}>
                <NavLink path={section.path}>{t(section.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="top-tools">
          <LanguageSelect />
          <button type="button" onClick={onSignOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
