import { count, defineSection, line } from '../section-kit';

/** Guardian's monitors: which are DOWN (each by name and its last message), and how many are up. */
export const monitorsSection = defineSection({ id: 'monitors', title: 'Monitors', area: 'guardian' }, (ctx) => {
  const m = ctx.sources.summary().monitors;
  if (m.total === 0) return { headline: 'no monitors yet', lines: [] };
  const down = m.items.filter((i) => i.state === 'DOWN');
  const lines = down.map((i) => line(`${i.name} is DOWN${i.lastMessage ? `: ${i.lastMessage}` : ''}`, 'critical'));
  if (m.pending > 0) lines.push(line(`${count(m.pending, 'monitor')} not checked yet`));
  if (m.maintenance > 0) lines.push(line(`${count(m.maintenance, 'monitor')} in maintenance`));
  const headline = down.length > 0 ? `${down.length} of ${count(m.total, 'monitor')} DOWN` : `all ${count(m.up, 'monitor')} up${m.up < m.total ? ` (of ${m.total})` : ''}`;
  return { headline, lines };
});
