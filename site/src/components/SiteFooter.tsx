import { useTranslations } from 'next-intl';
import { Link } from '../i18n/navigation';

export function SiteFooter() {
  const t = useTranslations();
  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-6 py-6 text-sm text-muted">
        <p>{t('footer.rights', { year: new Date().getUTCFullYear() })}</p>
        <p className="flex gap-4">
          <Link href="/privacy" className="underline hover:text-ink">{t('nav.privacy')}</Link>
          <Link href="/terms" className="underline hover:text-ink">{t('nav.terms')}</Link>
        </p>
      </div>
    </footer>
  );
}
