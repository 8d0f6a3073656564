import { Link } from 'wouter';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>
        <Link href="/alerts">{t('notFound.back')}</Link>
      </p>
    </Page>
  );
}
