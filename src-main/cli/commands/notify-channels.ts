import type { ChannelStatus, ChannelTest } from '../../../shared/contract/notify';
import type { Command } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

function statusLine(c: ChannelStatus): string {
  const ready = c.configured ? 'set up' : `not set up: ${c.reason ?? 'no reason given'}`;
  const last = c.lastDelivery ? `last ${c.lastDelivery.state} ${new Date(c.lastDelivery.at).toISOString()}${c.lastDelivery.error ? ` (${c.lastDelivery.error})` : ''}` : 'nothing delivered yet';
  return `${c.label.padEnd(20)} ${ready}; ${last}`;
}

function testLine(t: ChannelTest): string {
  const said = t.answer ? ` The provider answered: ${t.answer}` : '';
  switch (t.outcome) {
    case 'sent':
      return `Sent a test through ${t.channel} in ${t.tookMs} ms.${said}`;
    case 'failed':
      return `The test through ${t.channel} failed: ${t.error ?? 'no reason given'}`;
    default:
      return `Nothing was sent through ${t.channel}: ${t.error ?? 'no reason given'}`;
  }
}

export const notifyChannelCommands: Command[] = [
  procedureCommand('notify.channels', {
    usage: 'notify channels',
    summary: 'Every alert channel: whether it is set up (or which setting or secret is missing) and how its latest delivery ended.',
    input: () => ({}),
    show: ({ channels }) => formatRows(channels.map((c) => [c.id, statusLine(c)])),
  }),
  procedureCommand('notify.test', {
    usage: 'notify test CHANNEL',
    summary: 'Send a test notice through one channel now (os, email, …) and show what the provider answered; exit 1 when nothing reached it.',
    positionals: { channel: 'CHANNEL' },
    show: testLine,
    exitCode: (t) => (t.outcome === 'sent' ? 0 : 1),
  }),
];
