import { z } from 'zod';
import { howMany } from './common';
import { procedure } from './procedure';

const monthRule = 'must be a month written YYYY-MM, such as 2026-03';
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, monthRule);
const currency = z.string().regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code such as usd or EUR');

/** A figure of this month beside last month's (amounts in minor units of the report currency; rates 0..1). */
const kpiSchema = z.object({ value: z.number().nullable(), previous: z.number().nullable(), change: z.number().nullable(), changeRatio: z.number().nullable() });

export const monthFiguresSchema = z.object({
  month: z.string(),
  new: z.number(),
  expansion: z.number(),
  reactivation: z.number(),
  contraction: z.number(),
  churn: z.number(),
  net: z.number(),
  mrrStart: z.number(),
  mrrEnd: z.number(),
  customersStart: z.number().int(),
  customersEnd: z.number().int(),
  newCustomers: z.number().int(),
  reactivatedCustomers: z.number().int(),
  churnedCustomers: z.number().int(),
  mrr: z.number(),
  arr: z.number(),
  customers: z.number().int(),
  customerChurnRate: z.number().nullable(),
  grossMrrChurnRate: z.number().nullable(),
  netMrrChurnRate: z.number().nullable(),
  arpa: z.number().nullable(),
  ltv: z.number().nullable(),
  ltvReason: z.string().optional(),
  oneOffRevenue: z.number(),
  refunds: z.number(),
  fees: z.number(),
  netRevenue: z.number(),
});
export type MonthFiguresView = z.infer<typeof monthFiguresSchema>;

const kpiNamesList = ['mrr', 'arr', 'netNewMrr', 'customers', 'customerChurnRate', 'grossMrrChurnRate', 'netMrrChurnRate', 'arpa', 'ltv', 'oneOffRevenue', 'refunds', 'fees', 'netRevenue'] as const;

export const revenueMetricsSchema = z.object({
  currency: z.string(),
  /** The instant the figures are read at, epoch seconds. */
  asOf: z.number().int(),
  month: z.string(),
  kpis: z.object(Object.fromEntries(kpiNamesList.map((k) => [k, kpiSchema])) as Record<(typeof kpiNamesList)[number], typeof kpiSchema>),
  /** Oldest first, `month` last. */
  months: z.array(monthFiguresSchema),
});
export type RevenueMetricsView = z.infer<typeof revenueMetricsSchema>;

export const revenueCustomerSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  createdAt: z.number().int().nullable(),
  currency: z.string().nullable(),
  openSubscriptions: z.number().int(),
  livemode: z.boolean(),
  /** MRR now, minor units of the report currency. */
  mrr: z.number(),
});
export type RevenueCustomer = z.infer<typeof revenueCustomerSchema>;

export const revenueMetricsProcedures = {
  'revenue.metrics': procedure({
    summary: 'MRR, ARR, net new MRR, churn, ARPA, LTV, one-off revenue, refunds and fees from the synced Stripe tables: this month (or month) beside the one before, and the 24 months up to it.',
    input: z.object({ month: month.optional(), currency: currency.optional() }).strict(),
    output: revenueMetricsSchema,
  }),
  'revenue.movements': procedure({
    summary: 'MRR movements (new, expansion, reactivation, contraction, churn, net) of each month from..to (YYYY-MM, at most 120 months).',
    input: z.object({ from: month, to: month }).strict(),
    output: z.object({ currency: z.string(), months: z.array(monthFiguresSchema) }),
  }),
  'revenue.customers': procedure({
    summary: 'Synced Stripe customers, newest first, matching query (email, name or id), each with its MRR now; page on with nextCursor.',
    input: z
      .object({
        query: z.string().max(200, 'is longer than 200 characters').optional(),
        cursor: z.string().max(200, 'is too long').optional(),
        limit: howMany(500, 50),
      })
      .strict(),
    output: z.object({ currency: z.string(), customers: z.array(revenueCustomerSchema), nextCursor: z.string().optional() }),
  }),
};
