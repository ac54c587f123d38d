import { formatMinorUnits } from '../../../shared/money';
import { LevqorError, type ProcedureInput } from '../../../shared/contract';
import type { Approval } from '../../../shared/contract/approvals';
import type { ExecutiveSummary, HealingPlan, HealthScore, Monitor, MonitorTypeInfo, UpgradePlan } from '../../../shared/contract/guardian';
import { anomalyKindLabel, anomalyTitle } from '../../../shared/anomalies';
import { verdictLabel } from '../../../shared/health';
import { certificateWarning, monitorFlag, monitorTarget, requiredSettings, settingKind } from '../../../shared/monitors';
import { describeMonitorTypes } from '../../core/guardian/monitors/registry';
import { command, CliUsageError, noExtraPositionals, readPositionals, type CliContext, type Command, type OptionSpec, type ParsedArgs } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

/**
 * The monitor types as guardian.monitorTypes describes them. The flags must exist before any
 * procedure runs (the parser needs them), so they come from the same description in core.
 */
const monitorTypes: MonitorTypeInfo[] = describeMonitorTypes();

/** A flag for one field: which field, and whether its value is a number or a yes/no. */
interface FieldFlag {
  field: string;
  kind: 'number' | 'boolean' | 'text';
  description: string;
}

const commonFlags: FieldFlag[] = [
  { field: 'name', kind: 'text', description: 'a name (default: from the URL or type)' },
  { field: 'intervalSeconds', kind: 'number', description: 'seconds between checks, at least 1 (default 60); push: the expected ping period' },
  { field: 'retries', kind: 'number', description: 'failed checks shown as PENDING before DOWN (default 0)' },
  { field: 'timeoutSeconds', kind: 'number', description: 'seconds before a check gives up (default 80% of the interval, at most 48)' },
  { field: 'resendIntervalSeconds', kind: 'number', description: 'seconds between repeated DOWN notifications (default 0: once)' },
];

/** Every type's settings as flags; a field several types share is one flag. */
function settingFlags(types: MonitorTypeInfo[]): FieldFlag[] {
  const byField = new Map<string, { types: string[]; info: MonitorTypeInfo }>();
  for (const t of types) {
    for (const field of Object.keys(t.ui)) {
      const entry = byField.get(field) ?? { types: [], info: t };
      entry.types.push(t.type);
      byField.set(field, entry);
    }
  }
  return [...byField.entries()].map(([field, { types: owners, info }]) => {
    const kind = settingKind(info, field);
    const hint = info.ui[field]!;
    return { field, kind: kind === 'number' || kind === 'integer' ? 'number' : kind === 'boolean' ? 'boolean' : 'text', description: `${owners.join(', ')}: ${hint.help ?? hint.label}` };
  });
}

const fieldFlags: ReadonlyMap<string, FieldFlag> = new Map([...commonFlags, ...settingFlags(monitorTypes)].map((f) => [monitorFlag(f.field), f]));

function addOptions(): Record<string, OptionSpec> {
  const options: Record<string, OptionSpec> = { type: { type: 'string', description: `one of ${monitorTypes.map((t) => t.type).join(', ')} (levqor monitor types lists their settings)` } };
  for (const [flag, f] of fieldFlags) {
    if (options[flag]) throw new Error(`monitor add: the flag --${flag} of ${f.field} is taken`);
    options[flag] = { type: 'string', description: f.description };
  }
  return options;
}

function monitorInput(args: ParsedArgs): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (typeof args.values.type === 'string') input.type = args.values.type;
  for (const [flag, f] of fieldFlags) {
    const raw = args.values[flag];
    if (typeof raw !== 'string') continue;
    if (f.kind === 'number') {
      if (raw.trim() === '' || !Number.isFinite(Number(raw))) throw new CliUsageError(`--${flag}: must be a number (got "${raw}")`);
      input[f.field] = Number(raw);
    } else if (f.kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new CliUsageError(`--${flag}: must be true or false (got "${raw}")`);
      input[f.field] = raw === 'true';
    } else input[f.field] = raw;
  }
  return input;
}

/** The flag the founder typed for a field an error names, when there is one. */
function flagFor(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const flag = monitorFlag(field);
  return fieldFlags.has(flag) || flag === 'type' ? `--${flag}` : undefined;
}

function showTypes(types: MonitorTypeInfo[]): string {
  return types
    .map((t) => {
      const required = new Set(requiredSettings(t));
      const fields = Object.entries(t.ui).map(([field, hint]) => `    --${monitorFlag(field).padEnd(16)} ${required.has(field) ? '(required) ' : ''}${hint.help ?? hint.label}`);
      return [`${t.type.padEnd(10)} ${t.label}: ${t.description}`, ...(fields.length > 0 ? fields : ['    no settings of its own'])].join('\n');
    })
    .join('\n');
}

function ago(at: number | null, now: number): string {
  if (at === null) return 'never';
  const s = Math.round((now - at) / 1000);
  return s < 120 ? `${s}s ago` : s < 7200 ? `${Math.round(s / 60)}m ago` : `${Math.round(s / 3600)}h ago`;
}

function showMonitors(monitors: Monitor[], now: number): string {
  if (monitors.length === 0) return 'No monitors. Add one with: levqor monitor add --type http --url https://example.com (levqor monitor types lists the types)';
  return monitors
    .map((m) => {
      const target = monitorTarget(m, monitorTypes.find((t) => t.type === m.type));
      const certificate = certificateWarning(m.certificate, now);
      return `${m.state.padEnd(11)} ${m.id}  ${m.type.padEnd(8)} ${m.name}  [${target}] every ${m.intervalSeconds}s, checked ${ago(m.lastCheckAt, now)}${m.lastMessage ? `: ${m.lastMessage}` : ''}${m.paused ? ' (paused)' : ''}${certificate ? ` (${certificate})` : ''}`;
    })
    .join('\n');
}

function showPlan(plan: HealingPlan): string {
  const lines = [`Healing plan (dry run: nothing is applied; applying a step goes through approvals). Score ${plan.score}/100.`];
  if (plan.steps.length === 0) lines.push('', 'Nothing to heal.');
  for (const s of plan.steps) {
    lines.push('', `${s.id}  [class ${s.class}] ${s.title}`, `    finding: ${s.finding}`, `    evidence: ${s.evidence}${s.evidenceTime ? ` (${s.evidenceTime.label} ${new Date(s.evidenceTime.at).toISOString()})` : ''}`, `    expected: ${s.expectedEffect}`);
    if (s.proposal) lines.push(`    would call: ${s.proposal.procedure} ${JSON.stringify(s.proposal.input)}`);
    if (s.pendingApprovalId) lines.push(`    waiting for approval ${s.pendingApprovalId} (levqor approvals approve ${s.pendingApprovalId})`);
    else if (s.applicable) lines.push(`    apply: levqor guardian request-healing ${s.id}`);
    else if (s.refusal) lines.push(`    not applied here: ${s.refusal}`);
    if (s.link) lines.push(`    where: ${s.link.label}${s.link.params ? ` (${Object.entries(s.link.params).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`);
  }
  return lines.join('\n');
}

/** Revenue's lines of the summary: failed payments, open DFY requests, webhook refusals, MRR or why it is pending. */
function revenueRows(r: NonNullable<ExecutiveSummary['revenue']>): Array<[string, string]> {
  if (!r.stripeConfigured) return [['Revenue', `no Stripe key set; ${r.openDfyRequests} open DFY request(s)`]];
  const amounts = Object.entries(r.failedPayments7d.byCurrency).map(([c, minor]) => formatMinorUnits(minor, c)).join(' + ');
  return [
    ['Revenue', `${r.mode === 'test' ? '[TEST MODE] ' : ''}${r.mrr ? formatMinorUnits(r.mrr.amountMinor, r.mrr.currency) : (r.mrrNote ?? 'MRR unknown')}`],
    ['Failed payments (7d)', `${r.failedPayments7d.count}${amounts ? ` (${amounts})` : ''}`],
    ['Open DFY requests', String(r.openDfyRequests)],
    ['Stripe webhooks (24h)', `${r.webhooks24h.accepted} accepted, ${r.webhooks24h.refused} refused`],
  ];
}

function showSummary(s: ExecutiveSummary): string {
  const trend = s.trend.delta === null ? 'no earlier score stored' : `${s.trend.delta >= 0 ? '+' : ''}${s.trend.delta} since ${new Date(s.trend.previousAt!).toISOString()}`;
  const lines = [`${scoreLine(s)} (${trend})`, ''];
  lines.push('Breakdown:');
  if (s.breakdown.length === 0) lines.push('  no deductions');
  for (const b of s.breakdown) lines.push(`  -${String(b.points).padStart(2)}  ${b.cause}`);
  for (const n of s.notAssessed) lines.push(`   n/a ${n.kind}: ${n.reason}`);
  lines.push('', formatRows([
    ['Monitors', `${s.monitors.total} (${s.monitors.up} up, ${s.monitors.down} down, ${s.monitors.pending} pending, ${s.monitors.maintenance} in maintenance)`],
    ['Anomalies open', String(s.anomalies.length)],
    ['Approvals pending', `${s.pendingApprovals.count}${s.pendingApprovals.oldestAt ? ` (oldest ${new Date(s.pendingApprovals.oldestAt).toISOString()})` : ''}`],
    ['Failed runs (24h)', String(s.failedRuns24h)],
    ['Sync', s.sync.configured ? `${s.sync.state}${s.sync.lastSyncAt ? `, last ${new Date(s.sync.lastSyncAt).toISOString()}` : ', never synced'}, ${s.sync.lag.pushPending} rows waiting` : 'no remote configured'],
    ['Requests (1h)', `${s.traffic.requests} (${s.traffic.serverErrors} answered 5xx${s.traffic.p95Ms !== null ? `, p95 ${s.traffic.p95Ms} ms` : ''})`],
    ['Levqor X own log (1h)', `${s.appLog.errors} errors, ${s.appLog.warnings} warnings (not scored: levqor telemetry query --source app)`],
    ...(s.revenue ? revenueRows(s.revenue) : []),
  ]));
  if (s.anomalies.length > 0) lines.push('', 'Anomalies:', ...s.anomalies.slice(0, 10).map((a) => `  ${a.severity.padEnd(7)} ${anomalyKindLabel[a.kind]}: ${anomalyTitle(a)} \u2014 ${a.summary}`));
  return lines.join('\n');
}

const addUsage = 'monitor add --type TYPE [--url U …] [--interval S] [--retries N]';
const typeFlags = monitorTypes.map((t) => (Object.keys(t.ui).length > 0 ? `${t.type} (${Object.keys(t.ui).map((f) => `--${monitorFlag(f)}`).join(', ')})` : t.type)).join(', ');

/** The monitors with how long ago each was checked, as of this process's clock. */
function showMonitorsNow({ monitors }: { monitors: Monitor[] }, { ctx }: { ctx: CliContext }): string {
  return showMonitors(monitors, ctx.core().clock.now());
}

function scoreLine(s: Pick<HealthScore, 'score' | 'verdict' | 'verdictReason'>): string {
  return s.verdict === 'not_enough_data' ? `Health score: ${verdictLabel[s.verdict].toLowerCase()} (${s.verdictReason ?? 'nothing is watched'})` : `Health score: ${s.score}/100, ${verdictLabel[s.verdict].toLowerCase()}`;
}

function showScore(s: HealthScore): string {
  return [scoreLine(s), ...s.breakdown.map((b) => `  -${String(b.points).padStart(2)}  ${b.cause}`), ...s.notAssessed.map((n) => `   n/a ${n.kind}: ${n.reason}`)].join('\n');
}

function showHealingRequest(a: Approval): string {
  return [
    `Approval ${a.id} requested (${a.status}, class ${a.class}${a.expiresAt ? `, rejected if undecided by ${new Date(a.expiresAt).toISOString()}` : ''})`,
    `  ${a.subject.title}`,
    `Approve: levqor approvals approve ${a.id}    Reject: levqor approvals reject ${a.id}`,
  ].join('\n');
}

function showUpgradePlan(p: UpgradePlan): string {
  return [
    `Upgrade plan ${p.currentVersion} \u2192 ${p.targetVersion} (${p.kind}); not applied.`,
    ...p.blockers.map((b) => `BLOCKED: ${b}`),
    '',
    ...p.steps.map((s) => `${s.order}. [${s.class}] ${s.title}: ${s.detail}`),
    '',
    'Risks:',
    ...p.risks.map((r) => `  ${r.level.padEnd(6)} ${r.risk} (${r.mitigation})`),
  ].join('\n');
}

function upgradeInput(values: ParsedArgs['values']) {
  const to = values.to;
  if (typeof to !== 'string') throw new CliUsageError('--to: required (usage: levqor guardian upgrade-plan --to VERSION)');
  const schema = values.schema;
  if (schema !== undefined && (typeof schema !== 'string' || !/^\d+$/.test(schema))) throw new CliUsageError('--schema: must be a whole number');
  return { availableVersion: to, ...(typeof schema === 'string' ? { targetSchemaVersion: Number(schema) } : {}) };
}

export const guardianCommands: Command[] = [
  procedureCommand('guardian.monitorTypes', {
    usage: 'monitor types [--json]',
    summary: 'The monitor types and the settings (flags) each takes.',
    show: ({ monitorTypes: types }) => showTypes(types),
  }),
  command({
    usage: addUsage,
    summary: `Add a monitor: ${typeFlags}. A push monitor prints its heartbeat URL.`,
    options: addOptions(),
    async run(ctx, args) {
      noExtraPositionals(args, 0, addUsage);
      const input = monitorInput(args);
      if (input.type === undefined) throw new CliUsageError(`--type: is required (one of ${monitorTypes.map((t) => t.type).join(', ')}; usage: levqor ${addUsage})`);
      let m: Monitor;
      try {
        m = await ctx.call('guardian.addMonitor', input as ProcedureInput<'guardian.addMonitor'>);
      } catch (err) {
        const flag = err instanceof LevqorError ? flagFor(err.field) : undefined;
        if (err instanceof LevqorError && flag && err.code === 'BAD_INPUT') throw new CliUsageError(err.message.replace(`${err.field}:`, `${flag}:`));
        throw err;
      }
      ctx.print(m, () => `Added monitor ${m.id} (${m.type} "${m.name}", every ${m.intervalSeconds}s).${m.pushPath ? `\nPing it from your cron job: GET or POST http://<levqor serve host>${m.pushPath}` : ''}`);
    },
  }),
  procedureCommand('guardian.monitors', {
    usage: 'monitor list',
    summary: 'Every monitor with its state (UP, DOWN, PENDING, MAINTENANCE) and last check.',
    show: showMonitorsNow,
  }),
  command({
    usage: 'monitor remove ID',
    summary: 'Remove a monitor and its heartbeat history.',
    async run(ctx, args) {
      const [id] = readPositionals(args, ['ID'], 'monitor remove ID');
      const { removed } = await ctx.call('guardian.removeMonitor', { id });
      if (!removed) throw new LevqorError({ code: 'NOT_FOUND', message: `id: no monitor ${id}`, field: 'id' });
      ctx.print({ removed }, () => `Removed monitor ${id}.`);
    },
  }),
  procedureCommand('guardian.check', {
    usage: 'guardian check',
    summary: 'Run every monitor once now (all at once, each bounded by its timeout) and print the states.',
    show: showMonitorsNow,
  }),
  procedureCommand('guardian.score', {
    usage: 'guardian score',
    summary: 'The health score now with its breakdown (the deductions add up to 100 − score).',
    show: showScore,
  }),
  procedureCommand('guardian.healingPlan', {
    usage: 'guardian healing-plan [--json]',
    summary: 'The dry-run healing plan: per finding an action with its class, evidence and expected effect. Nothing is applied.',
    show: showPlan,
  }),
  procedureCommand('guardian.requestHealing', {
    usage: 'guardian request-healing ID [--json]',
    summary: 'Ask for approval to apply one healing plan step (ID from healing-plan); approving it (levqor approvals approve) applies it.',
    positionals: { stepId: 'ID' },
    show: showHealingRequest,
  }),
  procedureCommand('guardian.summary', {
    usage: 'guardian summary [--json]',
    summary: 'The executive summary: score and trend, breakdown, monitors, anomalies, pending approvals, sync.',
    show: showSummary,
  }),
  procedureCommand('guardian.upgradePlan', {
    usage: 'guardian upgrade-plan --to VERSION [--schema N]',
    summary: 'Design an upgrade to VERSION (backup first, migrations, risks); never applies it.',
    options: {
      to: { type: 'string', description: 'the available version, e.g. 0.2.0' },
      schema: { type: 'string', description: 'the database schema the new build brings (default: this build\u2019s)' },
    },
    input: (_, values) => upgradeInput(values),
    show: showUpgradePlan,
  }),
];
