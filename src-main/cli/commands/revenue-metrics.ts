import type { MonthFiguresView, RevenueMetricsView } from '../../../shared/contract/revenue-metrics';
import { formatMinorUnits } from '../../../shared/money';
import type { Command } from '../command';
import { countOption, givenOnly, parseCountOption, textOption } from '../options';
import { procedureCommand } from '../procedure-command';

const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function metricsText(m: RevenueMetricsView): string {
  const money = (v: number | null) => (v === null ? '—' : formatMinorUnits(v, m.currency));
  const k = m.kpis;
  const change = (c: number | null, show: (v: number | null) => string) => (c === null ? '' : `  (${c >= 0 ? '+' : '−'}${show(Math.abs(c))} vs last month)`);
  const rows: Array<[string, string]> = [
    ['MRR', `${money(k.mrr.value)}${change(k.mrr.change, money)}`],
    ['ARR', `${money(k.arr.value)}${change(k.arr.change, money)}`],
    ['Net new MRR', `${money(k.netNewMrr.value)}${change(k.netNewMrr.change, money)}`],
    ['Customers', `${k.customers.value ?? '—'}`],
    ['Customer churn', rate(k.customerChurnRate.value)],
    ['Gross MRR churn', rate(k.grossMrrChurnRate.value)],
    ['Net MRR churn', rate(k.netMrrChurnRate.value)],
    ['ARPA', money(k.arpa.value)],
    ['LTV', k.ltv.value === null ? `— (${m.months[m.months.length - 1]?.ltvReason ?? 'not enough data'})` : money(k.ltv.value)],
    ['One-off revenue', money(k.oneOffRevenue.value)],
    ['Refunds', money(k.refunds.value)],
    ['Stripe fees', money(k.fees.value)],
    ['Net revenue', money(k.netRevenue.value)],
  ];
  return [`Revenue for ${m.month} (${m.currency.toUpperCase()})`, ...rows.map(([label, value]) => `  ${label.padEnd(16)} ${value}`)].join('\n');
}

function movementsText({ currency, months }: { currency: string; months: MonthFiguresView[] }): string {
  const money = (v: number) => formatMinorUnits(v, currency).padStart(12);
  const head = `${'month'.padEnd(8)} ${['new', 'expansion', 'reactivation', 'contraction', 'churn', 'net', 'MRR'].map((h) => h.padStart(12)).join(' ')}`;
  return [head, ...months.map((m) => `${m.month.padEnd(8)} ${[m.new, m.expansion, m.reactivation, m.contraction, m.churn, m.net, m.mrr].map(money).join(' ')}`)].join('\n');
}

const thisMonth = () => new Date().toISOString().slice(0, 7);
const monthsBefore = (key: string, n: number) => {
  const [y, m] = key.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

export const revenueMetricsCommands: Command[] = [
  procedureCommand('revenue.metrics', {
    usage: 'revenue metrics [--month YYYY-MM] [--currency CODE]',
    summary: 'MRR, ARR, net new MRR, churn, ARPA, LTV, one-off revenue, refunds, fees and net revenue from the synced Stripe data (this month, or --month).',
    options: { month: { type: 'string', description: 'the month to read, YYYY-MM (default this month)' }, currency: { type: 'string', description: 'report currency (default the setting revenue.currency)' } },
    input: (_, values) => givenOnly({ month: textOption(values.month), currency: textOption(values.currency) }),
    show: metricsText,
  }),
  procedureCommand('revenue.movements', {
    usage: 'revenue movements [--from YYYY-MM] [--to YYYY-MM]',
    summary: 'MRR movements per month (new, expansion, reactivation, contraction, churn, net) and MRR; the last 12 months by default.',
    options: { from: { type: 'string', description: 'first month, YYYY-MM (default 11 months before --to)' }, to: { type: 'string', description: 'last month, YYYY-MM (default this month)' } },
    input: (_, values) => {
      const to = textOption(values.to) ?? thisMonth();
      return { from: textOption(values.from) ?? monthsBefore(to, 11), to };
    },
    show: movementsText,
  }),
  procedureCommand('revenue.customers', {
    usage: 'revenue customers [--query TEXT] [--cursor C] [--limit N]',
    summary: 'Synced Stripe customers, newest first, with their MRR now; --query matches email, name or id.',
    options: { query: { type: 'string', description: 'text in the email, name or id' }, cursor: { type: 'string', description: 'the nextCursor of an earlier page' }, limit: countOption(50) },
    input: (_, values) => givenOnly({ query: textOption(values.query), cursor: textOption(values.cursor), limit: parseCountOption(values.limit, 'limit') }),
    show: ({ currency, customers, nextCursor }) =>
      [
        ...customers.map((c) => `${c.id.padEnd(22)} ${(c.email ?? '').padEnd(32)} ${formatMinorUnits(c.mrr, currency).padStart(12)}  ${c.openSubscriptions} open`),
        ...(customers.length === 0 ? ['No customers here (sync them with: levqor revenue sync).'] : []),
        ...(nextCursor ? [`More: levqor revenue customers --cursor ${nextCursor}`] : []),
      ].join('\n'),
  }),
];
