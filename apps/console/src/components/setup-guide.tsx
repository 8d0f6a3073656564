import { useI18n } from '../i18n/i18n';
import { LazyMarkdown } from './lazy-markdown';

/**
 * A plugin's setup guide, as its authors wrote it (in English): in another language the console
 * says so above it, rather than leave a reader wondering why this part is not translated.
 */
export function SetupGuide({ source }: { source: string }) {
  const { t } = useI18n();
  const note = t('plugins.guideLanguage');
  return (
    <>
      {note !== '' && <p className="notice">{note}</p>}
      <div lang="en">
        <LazyMarkdown source={source} />
      </div>
    </>
  );
}
