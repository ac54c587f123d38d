/** Counts as the pages show them (pure, unit-tested in number.test.ts). */

const nf = new Intl.NumberFormat('en-US');

/** 100000 → "100,000". */
export function formatCount(n: number): string {
  return nf.format(n);
}

const numberText = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What a typed number stands for: the number when the text reads as one ("19.99", " -5 "),
 * else the text itself, so the schema it is checked against answers with its rule.
 */
export function numberFromText(text: string): number | string {
  const trimmed = text.trim();
  return numberText.test(trimmed) ? Number(trimmed) : text;
}
