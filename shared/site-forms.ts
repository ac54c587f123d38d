import { z } from 'zod';
import { isEmailAddress } from './email-address';

/**
 * The companion site's three forms (lead capture, DFY request, "download or delete my data"):
 * one zod schema each, parsed in the visitor's browser before sending and again by the route
 * handler before anything is written, so both sides refuse exactly the same input. An issue's
 * message is an error code (`FormErrorCode`) the site turns into a sentence in the visitor's
 * language next to the field.
 */

/**
 * The version of the privacy text and consent line a visitor agreed to, stored with every lead
 * and DFY request (meta.consent.version). Change it whenever `privacy.body` or `forms.consent`
 * changes in the site's messages, so each row says which wording its consent was given to.
 */
export const privacyTextVersion = '2026-12-07';

/** A form post's body above this many bytes is refused before it is read as JSON. */
export const formBodyLimitBytes = 10 * 1024;

/** Form posts one IP address may make per window; the next is refused until the window moves on. */
export const formRateLimit = { posts: 5, windowMs: 60_000 } as const;

/** The field bots fill and people never see: a post with it filled is answered as sent and stored nowhere. */
export const honeypotField = 'website';

export const formFieldLimits = { email: 254, name: 120, company: 120, message: 4000, tier: 80, utm: 200, page: 300 } as const;

/** The largest budget a DFY request may name, in whole US dollars. */
export const dfyBudgetMax = 10_000_000;

export const formErrorCodes = ['email', 'required', 'tooLong', 'consent', 'confirm', 'budget', 'choice', 'invalid', 'tooLarge', 'rateLimited', 'unavailable'] as const;
export type FormErrorCode = (typeof formErrorCodes)[number];

/** One refused field (`form` for the whole post: too large, rate limited, not sent). */
export interface FormFieldError {
  field: string;
  code: FormErrorCode;
}

const email = z
  .string({ error: 'email' })
  .max(formFieldLimits.email, { error: 'tooLong' })
  .refine(isEmailAddress, { error: 'email' });
const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });
const optionalText = (max: number) => z.string({ error: 'invalid' }).trim().max(max, { error: 'tooLong' }).optional();
const consent = z.literal(true, { error: 'consent' });
const locale = z.string({ error: 'invalid' }).regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: 'invalid' });

/** The UTM parameters of the page's address (utm_source … utm_content), as the app's pipeline reads them. */
export const utmSchema = z
  .object({
    source: optionalText(formFieldLimits.utm),
    medium: optionalText(formFieldLimits.utm),
    campaign: optionalText(formFieldLimits.utm),
    term: optionalText(formFieldLimits.utm),
    content: optionalText(formFieldLimits.utm),
  })
  .strict();
export type Utm = z.infer<typeof utmSchema>;

export const leadFormSchema = z
  .object({
    email,
    consent,
    locale,
    page: optionalText(formFieldLimits.page),
    product: z.string({ error: 'invalid' }).regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'invalid' }).optional(),
    utm: utmSchema.default({}),
  })
  .strict();
export type LeadForm = z.infer<typeof leadFormSchema>;

export const dfyRequestFormSchema = z
  .object({
    name: requiredText(formFieldLimits.name),
    email,
    company: optionalText(formFieldLimits.company),
    tier: optionalText(formFieldLimits.tier),
    budget: z.number({ error: 'budget' }).int({ error: 'budget' }).min(0, { error: 'budget' }).max(dfyBudgetMax, { error: 'budget' }).nullable().default(null),
    message: requiredText(formFieldLimits.message),
    consent,
    locale,
    utm: utmSchema.default({}),
  })
  .strict();
export type DfyRequestForm = z.infer<typeof dfyRequestFormSchema>;

export const dataRequestKinds = ['export', 'erase', 'do-not-sell'] as const;
export const dataRequestLaws = ['gdpr', 'ccpa'] as const;

export const dataRequestFormSchema = z
  .object({
    email,
    kind: z.enum(dataRequestKinds, { error: 'choice' }),
    law: z.enum(dataRequestLaws, { error: 'choice' }),
    confirm: z.literal(true, { error: 'confirm' }),
    locale,
  })
  .strict();
export type DataRequestForm = z.infer<typeof dataRequestFormSchema>;

const knownCodes: ReadonlySet<string> = new Set(formErrorCodes);

/** The first refusal of each field, as codes the site words in the visitor's language. */
export function formFieldErrors(error: z.ZodError): FormFieldError[] {
  const out = new Map<string, FormErrorCode>();
  for (const issue of error.issues) {
    // an unknown key (strict objects) names no field of the form: the post as a whole is refused
    const field = issue.code === 'unrecognized_keys' ? 'form' : issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    if (out.has(field)) continue;
    out.set(field, knownCodes.has(issue.message) ? (issue.message as FormErrorCode) : 'invalid');
  }
  return [...out].map(([field, code]) => ({ field, code }));
}
