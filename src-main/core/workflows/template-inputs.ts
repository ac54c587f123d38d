import type { TemplateInput, TemplateInputType } from '../../../shared/contract/templates';
import { slugPattern } from '../../../shared/product';
import { CoreError } from '../errors';

/** A template input as its file declares it: the contract's fields plus bounds for numbers and the value the tests use. */
export interface TemplateInputDeclaration extends TemplateInput {
  min?: number;
  max?: number;
  sample: string | number;
}

export type TemplateValues = Record<string, string | number>;

const channels = ['telegram', 'slack', 'email'];
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Each input type's check: the value to substitute, or the rule the given value broke. */
const checks: Record<TemplateInputType, (raw: string | number, input: TemplateInputDeclaration) => { value: string | number } | { rule: string }> = {
  text: (raw) => {
    const s = String(raw).trim();
    if (s.length === 0) return { rule: 'must not be empty' };
    if (s.length > 500) return { rule: 'must be at most 500 characters' };
    // the text lands inside the workflow's own {{ }} templates: braces there would run as an expression
    if (s.includes('{{') || s.includes('}}')) return { rule: 'must not contain {{ or }}' };
    return { value: s };
  },
  number: (raw, input) => {
    const n = typeof raw === 'number' ? raw : raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(n)) return { rule: 'must be a number' };
    if (input.min !== undefined && n < input.min) return { rule: `must be at least ${input.min}` };
    if (input.max !== undefined && n > input.max) return { rule: `must be at most ${input.max}` };
    return { value: n };
  },
  url: (raw) => {
    const s = String(raw).trim();
    try {
      const u = new URL(s);
      if (u.protocol === 'http:' || u.protocol === 'https:') return { value: s };
    } catch {
      // falls through to the rule
    }
    return { rule: 'must be a web address starting with http:// or https://' };
  },
  email: (raw) => {
    const s = String(raw).trim();
    return emailPattern.test(s) && s.length <= 254 ? { value: s } : { rule: 'must be an email address like founder@example.com' };
  },
  product: (raw) => {
    const s = String(raw).trim();
    return slugPattern.test(s) ? { value: s } : { rule: 'must be a product slug: lowercase letters and digits joined by single hyphens (e.g. ascend-launch-system)' };
  },
  channel: (raw) => {
    const s = String(raw).trim();
    return channels.includes(s) ? { value: s } : { rule: `must be one of ${channels.join(', ')}` };
  },
};

/** The founder's inputs checked against the template's, defaults filled in; the first problem throws, naming the input. */
export function checkTemplateInputs(declared: readonly TemplateInputDeclaration[], given: TemplateValues): TemplateValues {
  const known = new Set(declared.map((d) => d.name));
  const unknown = Object.keys(given).find((k) => !known.has(k));
  if (unknown !== undefined) throw new CoreError('BAD_INPUT', `inputs.${unknown}: this template has no input "${unknown}" (it asks for ${declared.map((d) => d.name).join(', ') || 'nothing'})`, `inputs.${unknown}`);
  const values: TemplateValues = {};
  for (const input of declared) {
    const raw = given[input.name] ?? input.default;
    if (raw === undefined || raw === '') throw new CoreError('BAD_INPUT', `inputs.${input.name}: is required (${input.label})`, `inputs.${input.name}`);
    const checked = checks[input.type](raw, input);
    if ('rule' in checked) throw new CoreError('BAD_INPUT', `inputs.${input.name}: ${checked.rule} (${input.label}; got "${String(raw)}")`, `inputs.${input.name}`);
    values[input.name] = checked.value;
  }
  return values;
}

const placeholder = /\[\[([A-Za-z][A-Za-z0-9_]*)\]\]/g;
const wholePlaceholder = /^\[\[([A-Za-z][A-Za-z0-9_]*)\]\]$/;

/**
 * The template's document with every `[[name]]` replaced: a string that is exactly one
 * placeholder takes the input's typed value (a number stays a number), others are interpolated.
 */
export function fillTemplate(value: unknown, values: TemplateValues): unknown {
  if (typeof value === 'string') {
    const whole = wholePlaceholder.exec(value);
    if (whole) return lookup(values, whole[1] as string);
    return value.replace(placeholder, (_, name: string) => String(lookup(values, name)));
  }
  if (Array.isArray(value)) return value.map((v) => fillTemplate(v, values));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplate(v, values)]));
  return value;
}

function lookup(values: TemplateValues, name: string): string | number {
  const v = values[name];
  if (v === undefined) throw new Error(`template placeholder [[${name}]] names no input`);
  return v;
}

/** The placeholders a document uses, for the check that each names a declared input. */
export function placeholdersIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(placeholder)) into.add(m[1] as string);
  else if (Array.isArray(value)) for (const v of value) placeholdersIn(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) placeholdersIn(v, into);
  return into;
}
