import { formatMinorUnits } from '../../../../../shared/money';
import { count, defineSection, line } from '../section-kit';

/** Stripe revenue from the synced tables: MRR and its change since last month, new customers and failed payments in the last 24 h. */
export const revenueSection = defineSection({ id: 'revenue', title: 'Revenue', area: 'revenue' }, (ctx) => {
  const facts = ctx.sources.revenue;
  if (!facts.stripeConfigured()) return { headline: 'Stripe not connected', lines: [] };
  const mrr = facts.mrr();
  const lines = [];
  let headline: string;
  if ('note' in mrr) headline = `MRR not available: ${mrr.note}`;
  else {
    const change = mrr.change === null ? 'no close of last month to compare' : `${mrr.change >= 0 ? '+' : '\u2212'}${formatMinorUnits(Math.abs(mrr.change), mrr.currency)} since last month`;
    headline = `MRR ${formatMinorUnits(mrr.amountMinor, mrr.currency)} (${change})`;
  }
  const mode = facts.mode();
  if (mode === 'test') lines.push(line('Stripe test mode: these are test figures'));
  lines.push(line(`${count(ctx.sources.newCustomers(ctx.dayAgo, 1000), 'new customer')} in the last 24 h`));
  const failed = facts.failedPayments(ctx.dayAgo);
  if (failed.count > 0) {
    const amounts = Object.entries(failed.byCurrency).map(([currency, minor]) => formatMinorUnits(minor, currency));
    lines.push(line(`${count(failed.count, 'failed payment')} in the last 24 h${amounts.length ? ` (${amounts.join(', ')})` : ''}`, 'warning'));
  } else lines.push(line('no failed payments in the last 24 h'));
  return { headline, lines };
});
