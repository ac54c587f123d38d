import type { ExportSummary } from '../../../shared/contract/compliance';
import type { RequestRow } from './request-store';
import type { Found } from './subject-sources';

const count = (rows: Record<string, unknown[]> | null) => (rows === null ? null : Object.values(rows).reduce((n, r) => n + r.length, 0));

/** The export's files: one JSON file per source and a summary a person can read. */
export function exportFiles(found: Found, row: RequestRow, now: number): { files: Record<string, string>; summary: Omit<ExportSummary, 'file' | 'bytes'> } {
  const stripeCount = found.stripe === null ? null : Object.values(found.stripe).reduce((n, list: unknown[]) => n + list.length, 0);
  const rows = { local: count(found.local) ?? 0, remote: count(found.remote), stripe: stripeCount };
  const matched = rows.local + (rows.remote ?? 0) + (rows.stripe ?? 0) > 0;
  const notes = [
    ...(matched ? [] : [`No record about ${found.keys.email} was found in any source that could be read.`]),
    ...found.skipped.map((s) => `Not read: ${s.store} (${s.reason}).`),
  ];
  const tableLines = (rowsBy: Record<string, unknown[]> | null, store: string) =>
    rowsBy === null ? [`  ${store}: not read`] : Object.keys(rowsBy).length === 0 ? [`  ${store}: nothing`] : Object.entries(rowsBy).map(([t, r]) => `  ${store} ${t}: ${r.length} row(s)`);
  const summary = [
    `Data held about ${found.keys.email}`,
    `Request ${row.id} (${row.law.toUpperCase()}), received ${new Date(row.received_at).toISOString()}, answered ${new Date(now).toISOString()}.`,
    '',
    matched ? 'What was found:' : 'Nothing was found about this address.',
    ...tableLines(found.local, 'local store'),
    ...tableLines(found.remote, 'shared database'),
    found.stripe === null ? '  Stripe: not read' : `  Stripe: ${found.stripe.customers.length} customer(s), ${found.stripe.subscriptions.length} subscription(s), ${found.stripe.invoices.length} invoice(s), ${found.stripe.charges.length} charge(s)`,
    ...(notes.length ? ['', ...notes] : []),
    '',
    'Each source is a JSON file in this ZIP: local.json, remote.json, stripe.json.',
    '',
  ].join('\n');
  return {
    files: {
      'summary.txt': summary,
      'local.json': JSON.stringify(found.local, null, 2),
      'remote.json': JSON.stringify(found.remote, null, 2),
      'stripe.json': JSON.stringify(found.stripe, null, 2),
    },
    summary: { matched, rows, notes },
  };
}
