import { z } from 'zod';
import { defineChatTool } from '../chat-tool';

export const revenueMetricsTool = defineChatTool({
  name: 'revenue_metrics',
  description: 'This month\u2019s revenue figures from the synced Stripe data, each beside last month: MRR, ARR, net new MRR, customers, churn rates, ARPA, LTV, one-off revenue, refunds, fees. Money is in minor units (cents) of the currency.',
  input: z.object({}).strict(),
  execute: (_input, { sources }) => {
    const m = sources.revenueMetrics();
    const [last, now] = [m.months[m.months.length - 2], m.months[m.months.length - 1]];
    return { currency: m.currency, moneyIn: 'minor units (cents)', month: m.month, kpis: m.kpis, thisMonth: now ?? null, lastMonth: last ?? null };
  },
});
