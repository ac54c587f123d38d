import { readFileSync } from 'node:fs';

/** What every benchmark reports: a figure, the reference measured in the same run, and the target. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same kind of work done the plainest way, in this run, on this machine. */
  reference?: { name: string; value: number };
  /** e.g. "≤ 1000 ms" */
  target?: string;
  /** higher-is-better figures (throughput) print the ratio the other way round */
  higherIsBetter?: boolean;
}

export type Report = (figure: Figure) => void;

export function printFigure(f: Figure): void {
  const value = `${round(f.value)} ${f.unit}`;
  let line = `${f.name}: ${value}`;
  if (f.reference) {
    const ratio = f.value / f.reference.value;
    line += ` | reference (${f.reference.name}): ${round(f.reference.value)} ${f.unit} | ratio ${ratio.toFixed(2)}×`;
  }
  if (f.target) line += ` | target ${f.target}`;
  console.log(line);
}

function round(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(3);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function rssMb(pid: number): number {
  // Linux: resident set size of another process, from /proc
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The middle value (the upper one of an even count). */
export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
