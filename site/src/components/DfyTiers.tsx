import { getLocale, getTranslations } from 'next-intl/server';
import { formatMinorUnits } from '../../../shared/money';
import { readDfyTiers } from '../lib/dfy-packages';

/** The DFY packages on sale (dfy_packages in the shared Postgres), or a line saying why there are none to show. */
export async function DfyTiers() {
  const t = await getTranslations('home');
  const locale = await getLocale();
  const tiers = await readDfyTiers();
  if (tiers.state !== 'ok' || tiers.packages.length === 0) {
    const why = tiers.state === 'unavailable' ? t('dfyUnavailable') : t('dfyEmpty');
    return <p className="rounded-lg border border-dashed border-line p-6 text-muted" data-testid="dfy-state" data-state={tiers.state}>{why}</p>;
  }
  return (
    <ul className="grid gap-6 md:grid-cols-3">
      {tiers.packages.map((p) => (
        <li key={p.id} className="rounded-lg border border-line bg-surface p-6">
          <p className="text-sm uppercase tracking-wide text-plasma">{p.tier}</p>
          <h3 className="mt-1 text-lg font-semibold">{p.name}</h3>
          <p className="mt-2 text-aurora">{t('dfyFrom', { price: formatMinorUnits(p.priceMinor, p.currency, locale) })}</p>
          {p.description ? <p className="mt-3 text-sm text-muted">{p.description}</p> : null}
          <a href={p.paymentLinkUrl} className="mt-4 inline-block rounded bg-flux px-4 py-2 text-sm font-medium text-void hover:bg-aurora">
            {t('dfyOrder', { name: p.name })}
          </a>
        </li>
      ))}
    </ul>
  );
}
