import type { AuditEntry } from '../../../shared/contract/audit';

const columns = ['at', 'who', 'what', 'kind', 'stage', 'subject', 'outcome', 'detail'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading = + - @ is prefixed so a spreadsheet never runs it. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(entry: AuditEntry, column: (typeof columns)[number]): string {
  if (column === 'at') return new Date(entry.at).toISOString();
  return entry[column] ?? '';
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [columns.join(','), ...entries.map((e) => columns.map((c) => csvField(cell(e, c))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The file the founder downloads: `levqor-audit-<date>.csv|json`. */
export function auditFile(entries: readonly AuditEntry[], format: 'csv' | 'json', now: number) {
  const day = new Date(now).toISOString().slice(0, 10);
  const content = format === 'csv' ? auditCsv(entries) : `${JSON.stringify(entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })), null, 2)}\n`;
  return { fileName: `levqor-audit-${day}.${format}`, mimeType: format === 'csv' ? 'text/csv' : 'application/json', content, count: entries.length };
}
