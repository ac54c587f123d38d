import type { NotifyRule, RuleFilter } from '../../../../shared/contract/notify-rules';
import type { NoticeSeverity } from '../../../../shared/contract/notify';

/** One filter field as typed: empty text means the field is not tested. */
export interface FieldDraft {
  text: string;
  contains: boolean;
}

/** A rule's editable settings as the editor holds them. */
export interface RuleDraft {
  channels: string[];
  severity: NoticeSeverity;
  filter: Record<string, FieldDraft>;
}

export function draftOf(rule: NotifyRule): RuleDraft {
  const filter: Record<string, FieldDraft> = {};
  for (const field of rule.fields) {
    const value = rule.filter[field];
    filter[field] = value === undefined ? { text: '', contains: false } : typeof value === 'string' ? { text: value, contains: false } : { text: value.contains, contains: true };
  }
  return { channels: [...rule.channels], severity: rule.severity, filter };
}

/** The filter the draft describes; the server checks each text (it names the field it refuses). */
export function filterOf(draft: RuleDraft): RuleFilter {
  const filter: RuleFilter = {};
  for (const [field, f] of Object.entries(draft.filter)) {
    if (f.text === '') continue;
    filter[field] = f.contains ? { contains: f.text } : f.text;
  }
  return filter;
}

/** The channel ids a rule may be offered: the app's channels (notify.channels), and any a rule names already so it can be taken off. */
export function channelChoices(channelIds: readonly string[], rules: readonly NotifyRule[]): string[] {
  const ids = new Set<string>(channelIds);
  for (const r of rules) for (const c of [...r.channels, ...r.defaults.channels]) ids.add(c);
  return [...ids];
}

/** The filter in words for the table: `monitor = shop, message contains timeout`, or `every event`. */
export function filterText(filter: RuleFilter): string {
  const parts = Object.entries(filter).map(([field, v]) => (typeof v === 'string' ? `${field} = ${v}` : `${field} contains ${v.contains}`));
  return parts.length === 0 ? 'every event' : parts.join(', ');
}
