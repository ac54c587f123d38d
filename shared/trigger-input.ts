import { z } from 'zod';

/**
 * What a manual trigger asks for when it runs: `"input": { "order": { "type": "text",
 * "required": true }, "amount": { "type": "number", "default": 0 } }` on the trigger. The Run
 * dialog draws a field for each, and every manual run (`workflows.run`, `levqor workflow run
 * --input`, a child run) is checked against them by `checkTriggerInput`. Steps read the
 * values as `input.<name>` (or `trigger.<name>`).
 */
export const inputFieldTypes = ['text', 'number', 'boolean', 'json'] as const;
export type InputFieldType = (typeof inputFieldTypes)[number];

export const inputFieldNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const typeRule: Record<InputFieldType, { test(v: unknown): boolean; rule: string }> = {
  text: { test: (v) => typeof v === 'string', rule: 'must be text' },
  number: { test: (v) => typeof v === 'number' && Number.isFinite(v), rule: 'must be a number' },
  boolean: { test: (v) => typeof v === 'boolean', rule: 'must be true or false' },
  json: { test: () => true, rule: 'must be a JSON value' },
};

export const inputFieldSchema = z
  .object({
    type: z.enum(inputFieldTypes, { error: () => `must be one of ${inputFieldTypes.join(', ')}` }).default('text'),
    label: z.string().max(200).optional(),
    description: z.string().max(2000).optional(),
    required: z.boolean().default(false),
    /** Used when a run leaves the field out; must be of the field's type. */
    default: z.unknown().optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.default !== undefined && !typeRule[field.type].test(field.default)) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: `${typeRule[field.type].rule}, as the field's type is ${field.type}` });
    }
  });
export type InputField = z.infer<typeof inputFieldSchema>;

/** Steps read a field as `input.<name>`: a plain name keeps that a plain path. */
export const inputFieldNameRule = 'a field name must start with a letter or _ and use only letters, digits and _ (at most 64)';

/** The names that break the rule (the validator reports each even when a field's own settings are wrong too). */
export function badInputFieldNames(fields: Record<string, unknown>): string[] {
  return Object.keys(fields).filter((name) => !inputFieldNamePattern.test(name));
}

export const triggerInputSchema = z.record(z.string(), inputFieldSchema).superRefine((fields, ctx) => {
  if (Object.keys(fields).length > 50) ctx.addIssue({ code: 'custom', message: 'at most 50 fields' });
  for (const name of badInputFieldNames(fields)) ctx.addIssue({ code: 'custom', path: [name], message: inputFieldNameRule });
});
export type TriggerInput = z.infer<typeof triggerInputSchema>;

export interface InputProblem {
  /** `input.order`: where the value is, as the caller wrote it. */
  path: string;
  message: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * A manual run's input checked against its trigger's fields: defaults filled in, or every
 * problem by path (`input.order: is required`, `input.amount: must be a number`, an unknown
 * field). Without fields any input is taken as it is.
 */
export function checkTriggerInput(fields: TriggerInput | undefined, input: unknown): { ok: true; value: unknown } | { ok: false; problems: InputProblem[] } {
  if (!fields || Object.keys(fields).length === 0) return { ok: true, value: input };
  const given = input === undefined || input === null ? {} : input;
  if (!isRecord(given)) return { ok: false, problems: [{ path: 'input', message: `must be an object with the fields ${Object.keys(fields).join(', ')}` }] };
  const problems: InputProblem[] = [];
  const value: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const v = Object.hasOwn(given, name) ? given[name] : undefined;
    if (v === undefined || v === null) {
      if (field.default !== undefined) value[name] = field.default;
      else if (field.required) problems.push({ path: `input.${name}`, message: 'is required' });
      continue;
    }
    if (!typeRule[field.type].test(v)) problems.push({ path: `input.${name}`, message: typeRule[field.type].rule });
    else value[name] = v;
  }
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(fields, name)) problems.push({ path: `input.${name}`, message: `is not a field of this workflow's input (its fields: ${Object.keys(fields).join(', ')})` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}
