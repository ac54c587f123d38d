import type { ErasureProof } from './contract/compliance';

/** An erasure's proof in one line, for the approval's outcome, the CLI and the area. */
export function describeProof(p: ErasureProof): string {
  const sum = (xs: { rows: number }[]) => xs.reduce((n, x) => n + x.rows, 0);
  const holds = p.legalHolds.map((h) => `${h.table} (${h.rows})`).join(', ');
  return `${sum(p.deleted)} row(s) deleted, ${sum(p.anonymised)} anonymised, ${p.stripeCustomersDeleted} Stripe customer(s) deleted; proof: 0 rows in ${Object.keys(p.counts).length} places${holds ? `; kept for tax, anonymised: ${holds}` : ''}${p.skipped.length ? `; not checked: ${p.skipped.map((s) => `${s.store} (${s.reason})`).join('; ')}` : ''}`;
}
