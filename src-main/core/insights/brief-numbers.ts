import type { Insight } from '../../../shared/contract/insights';

// digits with thousands separators and a decimal part: "99,999", "1,234.50", "7.1"
const numberPattern = /\d[\d,]*(?:\.\d+)?/g;

/** Every number written in `text`, as a value: "£99,999" → 99999, "20.00 USD" → 20, "7.1%" → 7.1. */
export function numbersIn(text: string): number[] {
  return (text.match(numberPattern) ?? []).map((n) => Number(n.replace(/,/g, ''))).filter((n) => Number.isFinite(n));
}

/**
 * The numbers the rules produced for these insights: every number in a finding, an impact, an
 * action's label and the evidence (labels and values), and how many insights there are. Ids are
 * left out: a monitor's id is letters and digits that mean no amount.
 */
export function ruleNumbers(insights: readonly Insight[]): Set<number> {
  const found = new Set<number>([insights.length]);
  for (const i of insights) {
    const texts = [i.finding, i.impact, i.suggestedAction.label, ...i.evidence.flatMap((e) => [e.label, String(e.value)])];
    for (const text of texts) for (const n of numbersIn(text)) found.add(n);
    for (const e of i.evidence) if (typeof e.value === 'number') found.add(e.value);
  }
  return found;
}

/** The numbers in `text` the rules did not produce, each once, in the order written. */
export function inventedNumbers(text: string, allowed: ReadonlySet<number>): number[] {
  return [...new Set(numbersIn(text).filter((n) => !allowed.has(n)))];
}
