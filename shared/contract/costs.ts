import { z } from 'zod';
import { budgetThresholds, costCategories, costCycles, isCalendarDate, recurringCategories } from '../costs';
import { byId, listOf, noInput, recordId } from './common';
import { event, procedure } from './procedure';

const monthRule = 'must be a month written YYYY-MM, such as 2026-03';
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, monthRule);
const date = z.string().refine(isCalendarDate, 'must be a date written YYYY-MM-DD, such as 2026-03-01');
const oneOf = (list: readonly string[]) => ({ message: `must be one of ${list.join(', ')}` });
const category = z.enum(costCategories, oneOf(costCategories));
const minorUnits = z.number({ message: 'must be a number of minor units (cents)' }).int('must be a whole number of minor units (cents)');

/** A recurring cost as the founder types it: amounts in integer minor units of its own currency. */
export const recurringCostFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters'),
    category: z.enum(recurringCategories, oneOf(recurringCategories)),
    amountMinor: minorUnits.min(1, 'must be more than 0').max(1e12, 'is too large'),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code such as usd or EUR'),
    cycle: z.enum(costCycles, oneOf(costCycles)),
    startDate: date,
    /** The last day it is paid for (included); null or absent: it goes on. */
    endDate: date.nullable().optional(),
  })
  .strict()
  .refine((c) => c.endDate == null || c.endDate >= c.startDate, { message: 'must not be before startDate', path: ['endDate'] });
export type RecurringCostFields = z.infer<typeof recurringCostFieldsSchema>;

export const recurringCostSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(recurringCategories),
  amountMinor: z.number().int(),
  currency: z.string(),
  cycle: z.enum(costCycles),
  startDate: z.string(),
  endDate: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type RecurringCost = z.infer<typeof recurringCostSchema>;

/** Minor units of the report currency per category. */
const byCategorySchema = z.object(Object.fromEntries(costCategories.map((c) => [c, z.number().int()])) as Record<(typeof costCategories)[number], z.ZodNumber>);

export const costMonthSchema = z.object({
  month: z.string(),
  byCategory: byCategorySchema,
  costsMinor: z.number().int(),
  /** What customers paid less refunds, before Stripe's fees (those are a cost here). */
  revenueMinor: z.number().int(),
  /** revenue − costs */
  marginMinor: z.number().int(),
});
export type CostMonth = z.infer<typeof costMonthSchema>;

export const budgetLineSchema = z.object({
  category,
  /** The month's budget in minor units of the report currency; null: none set. */
  budgetMinor: z.number().int().nullable(),
  spentMinor: z.number().int(),
  /** spent ÷ budget; null without a budget. */
  usedRatio: z.number().nullable(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const costReportSchema = z.object({
  /** The report currency (setting revenue.currency), lower case. */
  currency: z.string(),
  month: z.string(),
  /** The month asked for, category by category, beside its budget. */
  categories: z.array(budgetLineSchema),
  costsMinor: z.number().int(),
  revenueMinor: z.number().int(),
  marginMinor: z.number().int(),
  /** Why revenue may read 0 (no Stripe key); null when it is what the synced data says. */
  revenueNote: z.string().nullable(),
  /** Oldest first, the month asked for last. */
  months: z.array(costMonthSchema),
});
export type CostReport = z.infer<typeof costReportSchema>;

export const budgetsViewSchema = z.object({ currency: z.string(), month: z.string(), budgets: z.array(budgetLineSchema) });
export type BudgetsView = z.infer<typeof budgetsViewSchema>;

export const budgetCrossedSchema = z.object({
  category,
  threshold: z.union(budgetThresholds.map((t) => z.literal(t)) as [z.ZodLiteral<80>, z.ZodLiteral<100>]),
  month: z.string(),
  spentMinor: z.number().int(),
  budgetMinor: z.number().int(),
  currency: z.string(),
  at: z.number().int(),
});
export type BudgetCrossed = z.infer<typeof budgetCrossedSchema>;

export const costsProcedures = {
  'costs.report': procedure({
    summary: 'The month’s costs by category (AI usage, Stripe fees, recurring costs) beside their budgets, revenue and margin, and the months up to it, in the report currency.',
    input: z.object({ month: month.optional(), months: z.number().int().min(1, 'must be from 1 to 24').max(24, 'must be from 1 to 24').default(12) }).strict(),
    output: costReportSchema,
  }),
  'costs.list': procedure({ summary: 'The recurring costs the founder entered (hosting, domains, tools, other), by start date.', input: noInput, output: listOf('costs', recurringCostSchema) }),
  'costs.add': procedure({ summary: 'Adds a recurring cost: name, category, amountMinor with its currency, cycle monthly|yearly|one-off, startDate and an optional endDate.', input: recurringCostFieldsSchema, output: recurringCostSchema }),
  'costs.update': procedure({
    summary: 'Changes a recurring cost: every field given again, as for costs.add.',
    input: z.object({ id: recordId, cost: recurringCostFieldsSchema }).strict(),
    output: recurringCostSchema,
  }),
  'costs.remove': procedure({ summary: 'Removes a recurring cost.', input: byId(recordId), output: z.object({ removed: z.literal(true) }) }),
  'budgets.list': procedure({ summary: 'Each category’s monthly budget beside this month’s spend, in the report currency.', input: noInput, output: budgetsViewSchema }),
  'budgets.set': procedure({
    summary: 'Sets a category’s monthly budget in minor units of the report currency; 0 removes it. Alerts at 80% and 100%.',
    input: z.object({ category, amountMinor: minorUnits.min(0, 'must not be below zero').max(1e12, 'is too large') }).strict(),
    output: budgetsViewSchema,
  }),
};

export const costsEvents = {
  'budget.crossed': event({ summary: 'A category’s spend this month reached 80% or 100% of its budget (once per category, threshold and month).', payload: budgetCrossedSchema }),
};
