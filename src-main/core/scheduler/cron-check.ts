import { cronFieldOrder, cronFieldsFor, cronForms, cronNicknames, type CronField } from '../../../shared/cron';

/**
 * Why each field of a cron expression is refused, in the founder's words: the field by name,
 * what was typed there, and the values it takes (shared/cron.ts, the table the editor's hint
 * is written from). Every bad field is named, not only the first. croner stays the authority
 * on what runs (cron.ts asks this only once croner has refused an expression): this only
 * explains, and never quotes croner's own rewrite of what was typed.
 */
export function cronFieldProblems(expr: string): string[] {
  const text = expr.trim();
  if (text.startsWith('@')) {
    return (cronNicknames as readonly string[]).includes(text.toLowerCase()) ? [] : [`\`${text}\` is not a shorthand the scheduler knows (${cronNicknames.join(', ')})`];
  }
  const parts = text.split(/\s+/).filter(Boolean);
  const fields = cronFieldsFor(parts.length);
  if (!fields) return [`has ${parts.length} field${parts.length === 1 ? '' : 's'}; write 5 (${cronFieldOrder}), or 6 with seconds first`];
  const problems: string[] = [];
  fields.forEach((field, i) => {
    const typed = parts[i] as string;
    const why = fieldProblem(field, typed);
    // the piece at fault is named too when it is not the whole field: "`mon-fry` — `fry` is not a day name"
    if (why) problems.push(`${field.label}: \`${typed}\` ${why.token === undefined || why.token === typed ? '' : `— \`${why.token}\` `}${why.reason}`);
  });
  return problems;
}

interface Problem {
  /** The piece of the field at fault, when the reason is about one value. */
  token?: string;
  reason: string;
}

const badForm = (): Problem => ({ reason: `is not one of the forms a field takes: ${cronForms}` });

function fieldProblem(field: CronField, typed: string): Problem | undefined {
  const list = typed.split(',');
  if (list.length > 1 && list.some((p) => p.toUpperCase() === 'LW')) return { reason: 'puts LW in a list; LW (the last weekday) stands alone' };
  for (const part of list) {
    if (part === '') return { reason: `has an empty entry in its list (${cronForms})` };
    const why = partProblem(field, part);
    if (why) return why;
  }
  return undefined;
}

/** One entry of a field's list. */
function partProblem(field: CronField, part: string): Problem | undefined {
  const special = specialProblem(field, part);
  if (special !== null) return special;
  const slash = part.split('/');
  if (slash.length > 2) return badForm();
  const [base = '', step] = slash;
  if (step !== undefined) {
    if (!/^\d+$/.test(step) || Number(step) < 1) return { token: part, reason: 'has a step that is not a whole number from 1 (e.g. */15)' };
    if (Number(step) > slots(field)) return { token: part, reason: `has a step larger than the field (at most ${slots(field)})` };
    if (base !== '*' && !base.includes('-')) return { token: part, reason: `steps from a single value; a step follows * or a range (e.g. */${step} or ${base}-${field.max}/${step})` };
  }
  if (base === '*' || base === '?') return undefined;
  const ends = base.split('-');
  if (ends.length > 2 || ends.some((e) => e === '')) return badForm();
  const values: number[] = [];
  for (const end of ends) {
    const v = valueOf(field, end);
    if (typeof v !== 'number') return v;
    // sun closes a week when it ends a range: fri-sun is 5-7 (as croner reads it; 0 does not)
    values.push(values.length === 1 && field.id === 'dayOfWeek' && end.toLowerCase() === 'sun' ? 7 : v);
  }
  const [from, to] = values as [number, number | undefined];
  if (to !== undefined && from > to) return { token: base, reason: 'is a range from high to low; write the lower end first, or a list' };
  return undefined;
}

/** How many values a field cycles through (a step may be at most that); Sunday is one day, 0 or 7. */
function slots(field: CronField): number {
  return field.id === 'dayOfWeek' ? 7 : field.max - field.min + 1;
}

/** A number in range or a name, as a number; otherwise why not. */
function valueOf(field: CronField, token: string): number | Problem {
  const named = field.names?.indexOf(token.toLowerCase()) ?? -1;
  if (named >= 0) return named + field.min;
  if (!/^\d+$/.test(token)) return { token, reason: `is not ${field.nameWord ? `a ${field.nameWord}` : 'a whole number'} (${field.values})` };
  const n = Number(token);
  return n < field.min || n > field.max ? { token, reason: `is out of range (${field.values})` } : n;
}

/**
 * The day fields' special entries (L, LW, 15W; 5L, mon#2): null when the entry is not one of
 * them, else its problem (undefined: fine).
 */
function specialProblem(field: CronField, part: string): Problem | undefined | null {
  const upper = part.toUpperCase();
  if (field.id === 'dayOfMonth') {
    if (upper === 'L' || upper === 'LW') return undefined;
    const w = /^(\d+)W$/.exec(upper);
    if (w) return typeof valueOf(field, w[1] as string) === 'number' ? undefined : { token: part, reason: `is out of range (${field.values})` };
    return upper.startsWith('L') ? { token: part, reason: 'uses L with something else; L (the last day) and LW stand alone' } : null;
  }
  if (field.id !== 'dayOfWeek') return null;
  const last = /^(.+)L$/.exec(upper);
  const nth = /^(.+)#(.*)$/.exec(part);
  const day = nth?.[1] ?? last?.[1];
  if (day === undefined) return null;
  const v = valueOf(field, day);
  if (typeof v !== 'number') return v;
  if (nth && !/^([1-5]|L)$/i.test(nth[2] as string)) return { token: part, reason: 'asks for a week after # that is not 1–5 or L' };
  return undefined;
}
