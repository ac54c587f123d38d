'use client';

import { useTranslations } from 'next-intl';
import { Link } from '../../i18n/navigation';

/** The consent line (its wording is versioned by privacyTextVersion) and a link to the privacy policy. */
export function ConsentLabel() {
  const t = useTranslations();
  return (
    <>
      {t('forms.consent')}{' '}
      <Link href="/privacy" className="text-flux underline">{t('nav.privacy')}</Link>
    </>
  );
}
