import type { BriefingSend } from '../../../shared/contract/briefing';
import type { Command } from '../command';
import { procedureCommand } from '../procedure-command';

const sendWords: Record<BriefingSend['status'], (s: BriefingSend) => string> = {
  queued: (s) => `${s.channel}: queued (the running app or levqor serve delivers it within 30 seconds)`,
  'already-queued': (s) => `${s.channel}: already in the outbox`,
  'needs-approval': (s) => `${s.channel}: waits for your approval (pre-launch): levqor approvals approve ${s.approvalId ?? ''}`.trimEnd(),
  'unknown-channel': (s) => `${s.channel}: no such channel; fix notify.briefing.channels`,
};

export const briefingCommands: Command[] = [
  procedureCommand('notify.briefing', {
    usage: 'briefing [--send]',
    summary: 'The daily founder briefing now, as text (--json: the document); --send also sends it through the outbox to notify.briefing.channels.',
    options: { send: { type: 'boolean', description: 'send it now (pre-launch, outside channels first ask for approval)' } },
    input: (_, values) => ({ send: values.send === true }),
    json: ({ briefing, sent }) => (sent ? { briefing, sent } : briefing),
    show: ({ renderings, sent }) => [renderings.email.text, ...(sent ? ['', 'Sent:', ...sent.map((s) => `  ${sendWords[s.status](s)}`)] : [])].join('\n'),
  }),
];
