import type { RuleFilter } from '../../../shared/contract/notify-rules';
import { CoreError } from '../errors';
import type { RuleDef } from './rules';

const maxConditions = 10;

/** A founder's filter checked against the fields the rule offers; throws BAD_INPUT naming the first wrong field. */
export function checkFilter(rule: RuleDef, filter: RuleFilter): void {
  const known = Object.keys(rule.fields);
  const names = Object.keys(filter);
  if (names.length > maxConditions) throw new CoreError('BAD_INPUT', `filter: at most ${maxConditions} fields may be tested, not ${names.length}`, 'filter');
  for (const name of names) {
    if (!Object.hasOwn(rule.fields, name)) {
      throw new CoreError('BAD_INPUT', `filter.${name}: the rule ${rule.id} has no field "${name}"; its fields are ${known.join(', ')}`, `filter.${name}`);
    }
  }
}

/** Whether the payload matches every condition: equal, or containing the text; case is ignored. */
export function matchesFilter(rule: RuleDef, filter: RuleFilter, payload: unknown): boolean {
  for (const [name, wanted] of Object.entries(filter)) {
    const read = rule.fields[name];
    const value = read ? read(payload as never)?.toLowerCase() : undefined;
    if (value === undefined || value === null) return false;
    if (typeof wanted === 'string' ? value !== wanted.toLowerCase() : !value.includes(wanted.contains.toLowerCase())) return false;
  }
  return true;
}

/** The filter in the words the CLI takes it: `monitor=shop, message~timeout`. */
export function describeFilter(filter: RuleFilter): string {
  return Object.entries(filter)
    .map(([name, wanted]) => (typeof wanted === 'string' ? `${name}=${wanted}` : `${name}~${wanted.contains}`))
    .join(', ');
}
