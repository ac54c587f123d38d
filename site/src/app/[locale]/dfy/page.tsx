import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Metadata } from 'next';
import { DfyTiers } from '../../../components/DfyTiers';
import { DfyRequestForm } from '../../../components/forms/DfyRequestForm';
import { languageAlternates } from '../../../lib/alternates';
import { readDfyTiers } from '../../../lib/dfy-packages';

type Params = Promise<{ locale: string }>;

// the tiers come from the shared Postgres, as on the home page: look again every five minutes
export const revalidate = 300;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'forms' });
  return { title: t('dfyTitle'), alternates: { canonical: `/${locale}/dfy`, languages: languageAlternates('/dfy') } };
}

/** The DFY packages on sale and the request form (its tier list: the same packages' tiers). */
export default async function DfyPage({ params }: { params: Params }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('forms');
  const home = await getTranslations('home');
  const tiers = await readDfyTiers();
  const tierNames = tiers.state === 'ok' ? [...new Set(tiers.packages.map((p) => p.tier))] : [];
  return (
    <div className="pt-12">
      <h1 className="text-3xl font-bold">{t('dfyTitle')}</h1>
      <section aria-labelledby="dfy-tiers" className="mt-8">
        <h2 id="dfy-tiers" className="mb-6 text-2xl font-semibold">{home('dfy')}</h2>
        <DfyTiers />
      </section>
      <DfyRequestForm tiers={tierNames} />
    </div>
  );
}
