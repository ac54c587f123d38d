/** The Run dialog's input, from what the founder typed (tested in run-input-form.test.ts). */
import { checkTriggerInput, triggerInputSchema, type InputField, type TriggerInput } from '../../../../../shared/trigger-input';

/** The manual trigger's input fields, or undefined when it has none (the dialog then takes JSON). */
export function triggerFields(trigger: unknown): TriggerInput | undefined {
  if (!trigger || typeof trigger !== 'object' || (trigger as { type?: unknown }).type !== 'manual') return undefined;
  const parsed = triggerInputSchema.safeParse((trigger as { input?: unknown }).input);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
}

/** A field as typed: text for every type but boolean (a checkbox). */
export type FieldValues = Record<string, string | boolean>;

export function initialValues(fields: TriggerInput): FieldValues {
  const values: FieldValues = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.type === 'boolean') values[name] = field.default === true;
    else if (field.default === undefined) values[name] = '';
    else values[name] = field.type === 'json' ? JSON.stringify(field.default) : String(field.default);
  }
  return values;
}

export type FormResult = { ok: true; input: unknown } | { ok: false; errors: Record<string, string> };

function typedValue(field: InputField, raw: string | boolean): { value?: unknown; error?: string } {
  if (field.type === 'boolean') return { value: raw === true };
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim() === '') return {};
  if (field.type === 'text') return { value: text };
  if (field.type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? { value: n } : { error: 'must be a number' };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { error: `is not valid JSON: ${(err as Error).message}` };
  }
}

/** The run's input from the fields as typed, or each field's problem in words (its rule). */
export function inputFromFields(fields: TriggerInput, values: FieldValues): FormResult {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, field] of Object.entries(fields)) {
    const typed = typedValue(field, values[name] ?? '');
    if (typed.error) errors[name] = typed.error;
    else if (typed.value !== undefined) input[name] = typed.value;
  }
  const checked = checkTriggerInput(fields, input);
  if (!checked.ok) for (const p of checked.problems) errors[p.path.replace(/^input\./, '')] ??= p.message;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** The run's input from the JSON box: empty is `{}`. */
export function inputFromJson(text: string): FormResult {
  if (text.trim() === '') return { ok: true, input: {} };
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, errors: { input: `is not valid JSON: ${(err as Error).message}` } };
  }
}
