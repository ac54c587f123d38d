/** Counts as the pages show them (pure, unit-tested in number.test.ts). */

const nf = new Intl.NumberFormat('en-US');

/** 100000 → "100,000". */
export function formatCount(n: number): string {
  return nf.format(n);
}
