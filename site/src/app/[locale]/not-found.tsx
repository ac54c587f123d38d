import { useTranslations } from 'next-intl';
import { Link } from '../../i18n/navigation';

export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <section className="py-24 text-center">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-muted">{t('body')}</p>
      <Link href="/" className="mt-6 inline-block text-flux underline">{t('home')}</Link>
    </section>
  );
}
