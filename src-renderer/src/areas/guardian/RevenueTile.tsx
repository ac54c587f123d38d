import type { RevenueSummary } from '../../../../shared/contract/guardian';
import { formatMinorUnits } from '../../../../shared/money';
import { formatCount } from '../../format/number';
import { Tile } from './Tile';

function signed(amount: number, currency: string): string {
  return `${amount > 0 ? '+' : amount < 0 ? '\u2212' : '\u00b1'}${formatMinorUnits(Math.abs(amount), currency)}`;
}

/**
 * Revenue in the executive summary: this month's MRR and its change, failed payments (7 days)
 * and open DFY requests, all from the local tables. A test-mode key says so, as every money view must.
 */
export function RevenueTile({ revenue }: { revenue: RevenueSummary }) {
  const failed = revenue.failedPayments7d.count;
  const mode = revenue.mode === 'test' ? 'TEST MODE \u00b7 ' : '';
  const value = !revenue.stripeConfigured ? 'Not configured' : revenue.mrr ? `${formatMinorUnits(revenue.mrr.amountMinor, revenue.mrr.currency)} MRR` : 'MRR unknown';
  const change = revenue.mrr && revenue.mrr.change !== null ? `${signed(revenue.mrr.change, revenue.mrr.currency)} this month` : revenue.mrrNote;
  const rest = `${formatCount(failed)} failed payment${failed === 1 ? '' : 's'} in 7 days \u00b7 ${formatCount(revenue.openDfyRequests)} open DFY request${revenue.openDfyRequests === 1 ? '' : 's'}`;
  return (
    <Tile
      id="revenue"
      label="Revenue"
      tone={!revenue.stripeConfigured ? 'muted' : failed > 0 ? 'bad' : revenue.mrr ? 'good' : 'warn'}
      value={value}
      sub={`${mode}${change ? `${change} \u00b7 ` : ''}${rest}`}
    />
  );
}
