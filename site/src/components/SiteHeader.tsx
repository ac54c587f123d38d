import { useTranslations } from 'next-intl';
import { Link } from '../i18n/navigation';
import { LanguageSwitcher } from './LanguageSwitcher';

export function SiteHeader() {
  const t = useTranslations('nav');
  return (
    <header className="border-b border-line bg-void">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-6 py-4">
        <Link href="/" className="text-lg font-semibold tracking-wide text-ink">
          Levqor
        </Link>
        <nav aria-label={t('primary')} className="flex flex-wrap items-center gap-5 text-sm">
          <Link href="/" className="text-muted hover:text-ink">{t('home')}</Link>
          <Link href="/privacy" className="text-muted hover:text-ink">{t('privacy')}</Link>
          <Link href="/terms" className="text-muted hover:text-ink">{t('terms')}</Link>
          <LanguageSwitcher label={t('language')} />
        </nav>
      </div>
    </header>
  );
}
