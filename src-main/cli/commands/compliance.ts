import { resolve } from 'node:path';
import { subjectRequestLaws, subjectRequestStatuses, type SubjectRequest } from '../../../shared/contract/compliance';
import { describeProof } from '../../../shared/compliance-words';
import { CliUsageError, type Command } from '../command';
import { choiceOption, parseChoiceOption, textOption } from '../options';
import { procedureCommand } from '../procedure-command';

const lawOption = { law: { type: 'string' as const, description: 'gdpr (answer within one month, the default) or ccpa (45 days)' } };
const law = (values: Record<string, unknown>) => parseChoiceOption(values.law as never, 'law', subjectRequestLaws) ?? 'gdpr';
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function line(r: SubjectRequest): string {
  const who = r.email ?? `erased (${r.emailHash.slice(0, 12)})`;
  const due = r.status === 'answered' || r.status === 'rejected' ? `${r.status} ${day(r.answeredAt ?? r.receivedAt)}` : `${r.status}, due ${day(r.dueAt)}${r.overdue ? ' (OVERDUE)' : ''}`;
  return `${r.id}  ${r.kind.padEnd(11)} ${r.law.toUpperCase().padEnd(4)} ${who}  ${due}${r.lastError ? `  last error: ${r.lastError}` : ''}`;
}

function answer(r: SubjectRequest): string {
  if (r.kind === 'export' && r.export) {
    const e = r.export;
    return [`Exported to ${e.file} (${e.bytes} bytes): local ${e.rows.local} row(s), shared database ${e.rows.remote ?? 'not read'}, Stripe ${e.rows.stripe ?? 'not read'}.`, ...e.notes].join('\n');
  }
  if (r.kind === 'erase' && r.proof) return `Erased: ${describeProof(r.proof)}`;
  if (r.kind === 'erase') return `Filed erase request ${r.id}, due ${day(r.dueAt)}: it waits for your approval (Class C) in the Approvals inbox (levqor approvals list).`;
  return `${r.email ?? 'The person'} is flagged "do not sell or share": alerts and content channels never receive their data.`;
}

/** `compliance erase EMAIL` and `compliance do-not-sell EMAIL`: one compliance.file call each. */
function fileCommand(kind: 'erase' | 'do-not-sell', summary: string): Command {
  return procedureCommand('compliance.file', {
    usage: `compliance ${kind} EMAIL [--law gdpr|ccpa]`,
    summary,
    positionals: { email: 'EMAIL' },
    options: lawOption,
    input: ({ email }, values) => ({ email, kind, law: law(values), source: 'cli' as const }),
    show: answer,
  });
}

export const complianceCommands: Command[] = [
  procedureCommand('compliance.export', {
    usage: 'compliance export EMAIL --out FILE [--law gdpr|ccpa]',
    summary: 'Export every row about a person (local store, shared Postgres, Stripe) to one ZIP, recorded as an answered export request.',
    positionals: { email: 'EMAIL' },
    options: { out: { type: 'string', description: 'the ZIP file to write' }, ...lawOption },
    input: ({ email }, values) => {
      const out = textOption(values.out);
      if (!out) throw new CliUsageError('--out: is required (the ZIP file to write)');
      return { email, out: resolve(out), law: law(values) };
    },
    show: answer,
  }),
  fileCommand('erase', 'File an erase request: it waits for your approval (Class C) in the Approvals inbox, then erases the person everywhere the data map says and proves it.'),
  fileCommand('do-not-sell', 'Flag a person "do not sell or share" (CCPA): alerts and content channels never receive their data.'),
  procedureCommand('compliance.requests', {
    usage: 'compliance requests [--status S] [--json]',
    summary: 'Data-subject requests, newest first, with their due dates.',
    options: { status: choiceOption('status', subjectRequestStatuses) },
    input: (_, values) => {
      const status = parseChoiceOption(values.status, 'status', subjectRequestStatuses);
      return status ? { status } : {};
    },
    show: ({ requests }) => requests.map(line).join('\n') || 'No subject requests yet.',
  }),
  procedureCommand('compliance.dataMap', {
    usage: 'compliance map [--json]',
    summary: 'The data map: each table, its personal columns, lawful basis, retention and what erasure does; and whether it covers every table.',
    show: ({ tables, coverage }) =>
      [
        ...tables.filter((t) => t.personal.length > 0).map((t) => `${t.store}:${t.table}  ${t.erasure}  ${t.personal.join(', ')}  (${t.retention})`),
        coverage.complete ? `Covers every table (${coverage.tables}${coverage.remoteChecked ? '' : ', local only: the remote Postgres was not read'}).` : `NOT covered: ${coverage.missing.map((m) => `${m.store}:${m.table}`).join(', ')}`,
      ].join('\n'),
  }),
  procedureCommand('compliance.pull', {
    usage: 'compliance pull',
    summary: 'Pull the site\u2019s "download or delete my data" requests from the shared Postgres.',
    show: ({ filed }) => `Filed ${filed} request(s) from the site.`,
  }),
];
