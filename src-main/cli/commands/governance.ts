import type { HardeningReport, PreflightReport } from '../../../shared/contract/governance';
import type { Command } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

const mark = { pass: 'PASS', warn: 'WARN', block: 'BLOCK', fail: 'FAIL', unknown: '?' } as const;

function showPreflight(r: PreflightReport): string {
  const rows = formatRows(r.checks.map((c) => [mark[c.status], `${c.label}: ${c.reason}${c.status === 'pass' ? '' : ` (fix: ${c.fix})`}`]));
  const verdict = r.blocked ? 'Going post-launch is blocked: fix the BLOCK items, or ask for an override (levqor stage override post-launch --reason "…").' : 'Nothing blocks: levqor stage set post-launch may go ahead.';
  return `${rows}\n${verdict}`;
}

function showHardening(r: HardeningReport): string {
  return formatRows(r.items.map((i) => [mark[i.status], `${i.label}: ${i.reason}${i.where === 'desktop' ? ' [desktop app only]' : ''}`]));
}

/** The preflight before post-launch, the hardening checklist, and the override that asks to go post-launch anyway. */
export const governanceCommands: Command[] = [
  procedureCommand('governance.preflight', {
    usage: 'preflight',
    summary: 'Run the preflight before post-launch: each check passes, warns or blocks, with the reason and where to fix it. Exits 1 while anything blocks.',
    input: () => ({}),
    show: showPreflight,
    exitCode: (r) => (r.blocked ? 1 : 0),
  }),
  procedureCommand('governance.hardening', {
    usage: 'hardening',
    summary: 'The hardening checklist from the real state: secrets encrypted, server on loopback, the desktop window\u2019s security settings, updates, backups, retention, alert channels, the data map.',
    input: () => ({}),
    show: showHardening,
  }),
  procedureCommand('governance.requestOverride', {
    usage: 'stage override STAGE --reason TEXT',
    summary: 'Ask to go post-launch (STAGE: post-launch) although the preflight blocks: a Class C approval with your reason; approving it in the inbox switches the stage.',
    positionals: { stage: 'the stage' },
    options: { reason: { type: 'string', description: 'why the switch may go ahead (at least 10 characters)' } },
    input: ({ stage }, values) => ({ stage: stage as 'post-launch', reason: typeof values.reason === 'string' ? values.reason : '' }),
    show: (a) => `Override requested (approval ${a.id}, Class C): approve it with levqor approvals approve ${a.id}`,
  }),
];
