/**
 * Log-scale duration histograms for the endpoint rollups: bucket i holds durations in
 * (γ^(i-1), γ^i] ms with γ = 1.1, so a percentile read back is within 5% of the truth and
 * histograms of any minutes merge by adding counts.
 */
const gamma = 1.1;
const lnGamma = Math.log(gamma);
const maxBucket = 250;

export type Histogram = Map<number, number>;

export function bucketOf(ms: number): number {
  if (!(ms > 1)) return 0;
  return Math.min(maxBucket, Math.ceil(Math.log(ms) / lnGamma));
}

/** The value a bucket stands for: the geometric middle of its range. */
export function bucketValue(index: number): number {
  return index === 0 ? 0.5 : gamma ** (index - 0.5);
}

export function addTo(hist: Histogram, index: number, count = 1): void {
  hist.set(index, (hist.get(index) ?? 0) + count);
}

export function merge(into: Histogram, from: Histogram): Histogram {
  for (const [k, v] of from) addTo(into, k, v);
  return into;
}

export function decode(text: string): Histogram {
  const hist: Histogram = new Map();
  const parsed = JSON.parse(text) as Record<string, number>;
  for (const key in parsed) hist.set(Number(key), parsed[key]!);
  return hist;
}

export function encode(hist: Histogram): string {
  const out: Record<string, number> = {};
  for (const [k, v] of [...hist].sort((a, b) => a[0] - b[0])) out[k] = v;
  return JSON.stringify(out);
}

export function total(hist: Histogram): number {
  let n = 0;
  for (const v of hist.values()) n += v;
  return n;
}

/** The q-quantile (0..1), or NaN for an empty histogram. */
export function quantile(hist: Histogram, q: number): number {
  const n = total(hist);
  if (n === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const [k, v] of [...hist].sort((a, b) => a[0] - b[0])) {
    seen += v;
    if (seen >= rank) return bucketValue(k);
  }
  return NaN;
}
