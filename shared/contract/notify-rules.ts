import { z } from 'zod';
import { epochMs, listOf, noInput } from './common';
import { procedure } from './procedure';
import { noticeSeverities } from './notify';

const severitySchema = z.enum(noticeSeverities, { error: () => `must be one of ${noticeSeverities.join(', ')}` });
const filterValue = z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters');

/**
 * Which events of a rule reach the founder: each named field of the event must match (all of
 * them). A text is an equality (`{ "monitor": "shop" }`), `{ "contains": text }` a part of it;
 * both ignore case. The fields a rule offers are listed with it (notify.rules).
 */
export const ruleFilterSchema = z.record(
  z.string().min(1, 'must name a field').max(40, 'is not a field name'),
  z.union([filterValue, z.object({ contains: filterValue }).strict()], { error: () => 'must be a text (equals) or { "contains": text }' }),
);
export type RuleFilter = z.infer<typeof ruleFilterSchema>;

/** What the founder may change of a rule; the notice's words are the app's own. */
export const ruleSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Channel ids (notify.channels / core/notify/channels): where the notice goes. */
  channels: z.array(z.string()),
  severity: severitySchema,
  filter: ruleFilterSchema,
});
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;

export const notifyRuleSchema = ruleSettingsSchema.extend({
  id: z.string(),
  label: z.string(),
  /** The contract event the rule listens to (`guardian.alert`, `payment.failed`, …). */
  event: z.string(),
  /** Which of that event's payloads it is about, in words (`kind is down or resend`). */
  about: z.string(),
  /** The named fields a filter may test. */
  fields: z.array(z.string()),
  defaults: ruleSettingsSchema,
  /** Whether the founder's settings differ from the defaults (notify.resetRule brings them back). */
  changed: z.boolean(),
  updatedAt: epochMs.nullable(),
});
export type NotifyRule = z.infer<typeof notifyRuleSchema>;

const ruleId = z.string().min(1, 'must not be empty').max(64, 'is not a rule id');

export const notifyRuleProcedures = {
  'notify.rules': procedure({
    summary: 'The alert rules: for each, the event it follows, whether it is on, its channels, severity and filter, its defaults and whether it was changed.',
    input: noInput,
    output: listOf('rules', notifyRuleSchema),
  }),
  'notify.setRule': procedure({
    summary: 'Change an alert rule: on or off, its channels, its severity, its filter (the fields not given stay). Takes effect at the next event.',
    input: z
      .object({
        id: ruleId,
        enabled: z.boolean({ error: () => 'must be true or false' }).optional(),
        channels: z.array(z.string().min(1, 'must not be empty').max(40, 'is not a channel id')).min(1, 'must name at least one channel (to stop a rule, set enabled to false)').max(20).optional(),
        severity: severitySchema.optional(),
        filter: ruleFilterSchema.optional(),
      })
      .strict()
      .refine((r) => r.enabled !== undefined || r.channels !== undefined || r.severity !== undefined || r.filter !== undefined, { message: 'give at least one of enabled, channels, severity, filter' }),
    output: notifyRuleSchema,
  }),
  'notify.resetRule': procedure({
    summary: 'Put an alert rule back to its defaults.',
    input: z.object({ id: ruleId }).strict(),
    output: notifyRuleSchema,
  }),
};
