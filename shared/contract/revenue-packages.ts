import { z } from 'zod';
import { approvalSchema } from './approvals';
import { epochMs, listOf, noInput, recordId } from './common';
import { procedure } from './procedure';

const knownCurrencies = new Set(Intl.supportedValuesOf('currency').map((c) => c.toLowerCase()));

/** A DFY package as the founder describes it; the price is integer minor units of its currency. */
export const packageFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(250, 'is longer than 250 characters'),
    tier: z.string().trim().min(1, 'is required').max(100, 'is longer than 100 characters'),
    priceMinor: z.number().int('must be a whole number of minor units (cents)').positive('must be more than zero').max(99_999_999, 'is more than Stripe accepts (99999999 minor units)'),
    currency: z
      .string()
      .trim()
      .transform((c) => c.toLowerCase())
      .refine((c) => knownCurrencies.has(c), 'is not a known ISO 4217 currency code (like usd, eur, gbp)'),
    description: z.string().trim().max(5000, 'is longer than 5000 characters').optional(),
  })
  .strict();
export type PackageFields = z.infer<typeof packageFieldsSchema>;

export const dfyPackageSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tier: z.string(),
    priceMinor: z.number().int(),
    currency: z.string(),
    description: z.string().nullable(),
    /** active: on sale through its link; archived: product, price and link deactivated. */
    status: z.enum(['active', 'archived']),
    stripeProductId: z.string(),
    stripePriceId: z.string(),
    paymentLinkId: z.string(),
    paymentLinkUrl: z.string(),
    /** A change or archive waiting in the approval inbox. */
    pendingApprovalId: z.string().nullable(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .strict();
export type DfyPackage = z.infer<typeof dfyPackageSchema>;

export const revenuePackagesProcedures = {
  'revenue.packages': procedure({
    summary: 'The DFY packages on sale or archived, each with its Stripe payment link and any change waiting for approval; proposals not yet approved are in the approval inbox.',
    input: noInput,
    output: listOf('packages', dfyPackageSchema),
  }),
  'revenue.proposePackage': procedure({
    summary: 'Ask (Class C, in the approval inbox) to put a new DFY package on sale: the preview lists the Stripe product, price and payment link exactly as they will be created. Nothing is created until approved.',
    input: packageFieldsSchema,
    output: approvalSchema,
  }),
  'revenue.changePackage': procedure({
    summary: 'Ask (Class C) to change a DFY package: name, tier or description update its product; a new price creates a new Price and payment link and archives the old ones. Nothing changes until approved.',
    input: packageFieldsSchema.partial().extend({ id: recordId }).strict(),
    output: approvalSchema,
  }),
  'revenue.archivePackage': procedure({
    summary: 'Ask (Class C) to take a DFY package off sale: its payment link, price and product are deactivated in Stripe once approved.',
    input: z.object({ id: recordId }).strict(),
    output: approvalSchema,
  }),
};
