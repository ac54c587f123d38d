import type { DfyRequest, Lead, PipelineChange, PipelineStats, PipelineSyncResult } from '../../../shared/contract/pipeline';
import { dfyStages, leadStages, stageLabel } from '../../../shared/pipeline-stages';
import { formatMoney } from '../../../shared/money';
import { command, readPositionals, type CliContext, type Command } from '../command';
import { formatRows } from '../format';
import { choiceOption, countOption, givenOnly, parseChoiceOption, parseCountOption, textOption } from '../options';
import { procedureCommand } from '../procedure-command';

type Item = Lead | DfyRequest;

const money = (v: Item['value']) => (v ? formatMoney(v.amountMinor / 100, v.currency.toUpperCase()) : '');

function line(i: Item): string {
  const who = [i.name, i.company].filter(Boolean).join(', ');
  const pending = i.pendingChanges > 0 ? `  (${i.pendingChanges} change${i.pendingChanges === 1 ? '' : 's'} not written back yet)` : '';
  return `${stageLabel(i.stage).padEnd(12)} ${new Date(i.createdAt).toISOString().slice(0, 10)}  ${i.email}${who ? ` (${who})` : ''}  ${i.product ?? ''}  ${money(i.value)}${pending}`;
}

function detail(i: Item & { changes: PipelineChange[] }): string {
  const rows: Array<[string, string]> = [
    ['Id', i.id],
    ['Stage', stageLabel(i.stage)],
    ['Email', i.email],
    ['Name', [i.name, i.company].filter(Boolean).join(', ')],
    ['Product', i.product ?? ''],
    ['Value', money(i.value)],
    ['Source', [i.source, i.utm.source, i.utm.medium, i.utm.campaign].filter(Boolean).join(' / ')],
    ['Stages', Object.entries(i.stageTimes).sort((a, b) => a[1] - b[1]).map(([s, at]) => `${stageLabel(s)} ${new Date(at).toISOString()}`).join(', ')],
    ['Notes', i.notes ?? ''],
    ['Stripe', [i.stripeCustomerId, i.stripePaymentId].filter(Boolean).join(' ')],
  ];
  for (const c of i.changes) rows.push([`Change ${new Date(c.at).toISOString()}`, `${Object.keys(c.changes).join(', ')}: ${c.state}${c.lastError ? ` (${c.lastError})` : ''}`]);
  return formatRows(rows.filter(([, v]) => v !== ''));
}

function stats(name: string, s: PipelineStats): string {
  const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
  const days = (ms: number | null) => (ms === null ? '–' : `${(ms / 86_400_000).toFixed(1)} d`);
  const head = `${name}: ${s.total} in all, close rate ${pct(s.closeRate)}, overall conversion ${pct(s.overallConversion)}`;
  return [head, ...s.stages.map((r) => `  ${r.label.padEnd(12)} now ${String(r.count).padStart(4)}  reached ${String(r.reached).padStart(4)}  → next ${pct(r.conversionToNext).padStart(6)}  median stay ${days(r.medianMs)}`)].join('\n');
}

function syncWords(r: PipelineSyncResult): string {
  return `Pulled ${r.pulled.leads} leads and ${r.pulled.dfy} DFY requests; wrote back ${r.written} change(s)${r.conflicts ? `, ${r.conflicts} kept the site\u2019s value` : ''}; ${r.pending} waiting.`;
}

/** After a move: write it back now when a remote is configured; offline it stays in the change log for the next sync. */
async function writeBackNow(ctx: CliContext): Promise<string> {
  if (!(await ctx.call('remote.status', {})).configured) return 'No remote Postgres is configured: the move is kept here.';
  try {
    const r = await ctx.call('revenue.pipelineSync', {});
    return r.pending === 0 ? 'Written back to the shared Postgres.' : `${r.pending} change(s) still waiting to be written back.`;
  } catch (err) {
    return `Kept here; written back at the next sync (${err instanceof Error ? err.message : String(err)}).`;
  }
}

function pipelineCommands<K extends 'lead' | 'dfy'>(kind: K): Command[] {
  const lead = kind === 'lead';
  const stages = lead ? leadStages : dfyStages;
  const noun = lead ? 'lead' : 'DFY request';
  const listWord = lead ? 'leads' : 'dfy';
  const itemWord = lead ? 'lead' : 'dfy';
  const moveUsage = `revenue ${itemWord} move ID STAGE [--note TEXT]`;
  // the stage is one of this kind's, checked against its list
  const listInput = (values: Record<string, string | boolean | undefined>) =>
    givenOnly({ stage: parseChoiceOption(values.stage, 'stage', stages) as never, query: textOption(values.query), limit: parseCountOption(values.limit, 'limit') });
  const listOptions = { stage: choiceOption('stage', stages), query: { type: 'string' as const, description: 'text in the email, name, company, product or notes' }, limit: countOption(100) };
  return [
    lead
      ? procedureCommand('revenue.leads', {
          usage: 'revenue leads [--stage S] [--query TEXT] [--limit N]',
          summary: 'Sales leads from the local copy (offline too), newest first.',
          options: listOptions,
          input: (_, values) => listInput(values),
          show: ({ leads }) => leads.map(line).join('\n') || 'No leads here (pull them with: levqor revenue pipeline sync).',
        })
      : procedureCommand('revenue.dfyRequests', {
          usage: 'revenue dfy [--stage S] [--query TEXT] [--limit N]',
          summary: 'DFY requests from the local copy (offline too), newest first.',
          options: listOptions,
          input: (_, values) => listInput(values),
          show: ({ requests }) => requests.map(line).join('\n') || 'No DFY requests here (pull them with: levqor revenue pipeline sync).',
        }),
    lead
      ? procedureCommand('revenue.lead', { usage: 'revenue lead show ID', summary: 'One lead with its stage times and change log.', positionals: { id: 'ID' }, show: detail })
      : procedureCommand('revenue.dfyRequest', { usage: 'revenue dfy show ID', summary: 'One DFY request with its stage times and change log.', positionals: { id: 'ID' }, show: detail }),
    command({
      usage: moveUsage,
      summary: `Move a ${noun} to a stage (${stages.join(', ')}); a move back needs --note. Written back to the shared Postgres now, or at the next sync.`,
      options: { note: { type: 'string', description: 'why (required for a move back)' } },
      async run(ctx, args) {
        const [id, stage] = readPositionals(args, ['ID', 'STAGE'], `revenue ${itemWord} move ID STAGE`) as [string, string];
        const note = textOption(args.values.note);
        const input = { id, stage: stage as never, ...(note ? { note } : {}) };
        const moved: Item = lead ? await ctx.call('revenue.moveLead', input) : await ctx.call('revenue.moveDfy', input);
        const written = await writeBackNow(ctx);
        const after: Item = lead ? await ctx.call('revenue.lead', { id }) : await ctx.call('revenue.dfyRequest', { id });
        ctx.print(after, () => `Moved ${moved.email} to ${stageLabel(moved.stage)}. ${written}`);
      },
    }),
  ];
}

export const revenuePipelineCommands: Command[] = [
  ...pipelineCommands('lead'),
  ...pipelineCommands('dfy'),
  procedureCommand('revenue.pipelineStats', {
    usage: 'revenue pipeline stats',
    summary: 'Leads and DFY requests per stage: how many, conversion to the next stage, time in stage.',
    show: (s) => `${stats('Leads', s.leads)}\n${stats('DFY requests', s.dfy)}`,
  }),
  procedureCommand('revenue.pipelineSync', {
    usage: 'revenue pipeline sync',
    summary: 'Write the founder\u2019s pending changes back to the shared Postgres, then pull new and changed leads and DFY requests.',
    show: syncWords,
  }),
  procedureCommand('revenue.pipelineStatus', {
    usage: 'revenue pipeline status',
    summary: 'When leads and DFY requests were last pulled, the last sync error and the changes waiting to be written back.',
    show: (s) =>
      [
        s.configured ? (s.lastSyncAt !== undefined ? `Last pulled ${new Date(s.lastSyncAt).toISOString()}.` : 'Never pulled yet.') : 'No remote Postgres is configured: leads and DFY requests are this machine\u2019s copy.',
        ...(s.lastError ? [`Last sync failed: ${s.lastError}`] : []),
        `${s.pending} change(s) waiting to be written back.`,
      ].join('\n'),
  }),
];
