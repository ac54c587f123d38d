import type { AreaId } from '../../../shared/areas';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { Briefing } from '../../../shared/contract/briefing';
import type { NoticeSeverity } from '../../../shared/contract/notify';
import { formatMinorUnits } from '../../../shared/money';
import type { ChannelId } from './channels';
import { budgetNotice } from './budget-notice';
import { subjectRequestDueRule } from './subject-request-rule';

/** A notice as a rule makes it; the outbox gives it its id. */
export interface NoticeDraft {
  /** What the notice is about (one alert, one approval): the same event heard twice makes no second row. */
  key: string;
  title: string;
  body: string;
  /** A fixed area id, never text taken from the payload. */
  area: AreaId;
  at: number;
  /** The event's own severity, where it has one (a step's level, an anomaly's): the notice gets the higher of it and the rule's. */
  severity?: NoticeSeverity;
  approvalId?: string;
  /** The daily briefing, for channels to render (renderBriefingFor) instead of title and body. */
  briefing?: Briefing;
  /** The same alert (e.g. one monitor down): repeats within 10 minutes go out as one message with a count (fold.ts). */
  dedupe?: string;
  /** A kind of alert (e.g. run failures): after the first, those within a minute go out as one digest. */
  group?: string;
}

/** A rule as code defines it: the founder edits only its channels, severity, filter and whether it is on. */
export interface RuleDef<E extends EventName = EventName> {
  /** Stable: the founder's settings are stored under it. */
  id: string;
  label: string;
  event: E;
  /** Which payloads of the event the rule is about, in words, and as a test. */
  about: string;
  when?(payload: EventPayload<E>): boolean;
  /** The fields a founder's filter may test, each read from the payload. */
  fields: Readonly<Record<string, (payload: EventPayload<E>) => string | null | undefined>>;
  channels: readonly ChannelId[];
  severity: NoticeSeverity;
  notice(payload: EventPayload<E>): NoticeDraft;
}

/** Keeps each rule's payload type its event's while the table holds them all. */
function rule<E extends EventName>(def: RuleDef<E>): RuleDef {
  return def as unknown as RuleDef;
}

/** Text from outside the app (an error, a summary) kept to a line a notification can show. */
export function clip(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

const alertTitles = { down: 'Monitor DOWN', up: 'Monitor back UP', resend: 'Monitor still DOWN' } as const;
const anomalySeverity = { page: 'critical', ticket: 'warning', warning: 'warning' } as const;
const stepSeverity = { info: undefined, success: undefined, warning: 'warning', error: 'critical' } as const;

const monitorAlert = (a: EventPayload<'guardian.alert'>): NoticeDraft => ({
  key: `guardian.alert:${a.monitorId}:${a.kind}:${a.at}`,
  title: `${alertTitles[a.kind]}: ${a.name}`,
  body: clip(a.message),
  area: 'guardian',
  at: a.at,
  // a monitor flapping or told again while its alert still waits (quiet hours, a slow channel) is one message with a count
  ...(a.kind === 'up' ? {} : { dedupe: `monitor.down:${a.monitorId}` }),
});
const monitorFields = { monitor: (a: EventPayload<'guardian.alert'>) => a.name, message: (a: EventPayload<'guardian.alert'>) => a.message };
const backupFields = { plan: (op: { plan: string }) => op.plan };
const stripeFields = { customer: (p: { customerId: string | null }) => p.customerId, mode: (p: { livemode: boolean }) => (p.livemode ? 'live' : 'test') };

/**
 * The default rules: which events the founder is told about, in which words, where in the app,
 * how much it matters and on which channels. The founder changes channels, severity, filter and
 * on/off (notify.setRule); the words stay the app's. A new rule is one entry here.
 */
export const defaultRules: readonly RuleDef[] = [
  rule({
    id: 'monitor.down',
    label: 'Monitor down',
    event: 'guardian.alert',
    about: 'a monitor went DOWN, or is still DOWN after its resend interval',
    when: (a) => a.kind !== 'up',
    fields: monitorFields,
    channels: ['os'],
    severity: 'critical',
    notice: monitorAlert,
  }),
  rule({
    id: 'monitor.up',
    label: 'Monitor back up',
    event: 'guardian.alert',
    about: 'a monitor came back UP',
    when: (a) => a.kind === 'up',
    fields: monitorFields,
    channels: ['os'],
    severity: 'info',
    notice: monitorAlert,
  }),
  rule({
    id: 'anomaly.opened',
    label: 'Anomaly opened',
    event: 'telemetry.anomaly',
    about: 'telemetry found a new anomaly',
    fields: { kind: (a) => a.kind, severity: (a) => a.severity, subject: (a) => a.subject },
    channels: ['os'],
    severity: 'warning',
    notice: (a) => ({ key: `telemetry.anomaly:${a.id}`, title: `Anomaly: ${a.kind.replace(/_/g, ' ')}`, body: clip(a.summary), area: 'telemetry', at: a.detectedAt, severity: anomalySeverity[a.severity] }),
  }),
  rule({
    id: 'approval.requested',
    label: 'Approval requested',
    event: 'approval.requested',
    about: 'something waits for your approval (the notice offers Approve / Reject where the channel can)',
    fields: { kind: (a) => a.subject.kind, workflow: (a) => a.workflowName, class: (a) => a.class },
    channels: ['os'],
    severity: 'warning',
    notice: (a) => ({ key: `approval.requested:${a.id}`, title: `Approval needed (Class ${a.class})`, body: clip(`${a.subject.title}: ${a.message}`), area: 'approvals', at: a.requestedAt, approvalId: a.id }),
  }),
  rule({
    id: 'run.failed',
    label: 'Run failed',
    event: 'run.finished',
    about: 'a workflow run ended with status failed',
    when: (r) => r.status === 'failed',
    fields: { workflow: (r) => r.workflowName, error: (r) => r.error?.message },
    channels: ['os'],
    severity: 'warning',
    // a burst of failures (a provider down under every workflow) reaches the founder as the first one and one digest
    notice: (r) => ({ key: `run.failed:${r.runId}`, title: `Run failed: ${r.workflowName}`, body: clip(r.error?.message ?? 'The run failed without an error message.'), area: 'workflows', at: r.at, group: 'run.failed' }),
  }),
  rule({
    id: 'upload.failed',
    label: 'Upload failed',
    event: 'products.uploadChanged',
    about: 'a product’s Drive upload failed',
    when: (u) => u.status === 'failed',
    fields: { product: (u) => u.slug, version: (u) => u.version },
    channels: ['os'],
    severity: 'warning',
    notice: (u) => ({ key: `upload.failed:${u.id}:${u.updatedAt}`, title: `Upload failed: ${u.slug} ${u.version}`, body: clip(u.lastError ?? 'The Drive upload failed.'), area: 'launches', at: u.updatedAt }),
  }),
  rule({
    id: 'payment.failed',
    label: 'Payment failed',
    event: 'payment.failed',
    about: 'a Stripe payment failed (invoice.payment_failed or charge.failed)',
    fields: stripeFields,
    channels: ['os'],
    severity: 'critical',
    notice: (p) => ({
      key: `payment.failed:${p.invoiceId ?? p.chargeId ?? 'unknown'}:${p.at}`,
      title: `Payment failed: ${formatMinorUnits(p.amount, p.currency || 'usd')}`,
      body: `${p.invoiceId ? `Invoice ${p.invoiceId}` : `Charge ${p.chargeId ?? '(unknown)'}`}${p.customerId ? ` of customer ${p.customerId}` : ''}${p.livemode ? '' : ' (test mode)'}`,
      area: 'revenue',
      at: p.at,
    }),
  }),
  rule({
    id: 'dfy.paid',
    label: 'DFY request paid',
    event: 'dfy.paid',
    about: 'a done-for-you request reached the paid stage',
    fields: { package: (d) => d.product, company: (d) => d.company },
    channels: ['os'],
    severity: 'info',
    notice: (d) => ({
      key: `dfy.paid:${d.id}:${d.stageTimes.paid ?? d.updatedAt}`,
      title: `DFY request paid: ${clip(d.company ?? d.name ?? d.email, 80)}`,
      body: d.value ? `${d.product ?? 'A package'}, ${formatMinorUnits(d.value.amountMinor, d.value.currency)}` : (d.product ?? 'A done-for-you request'),
      area: 'revenue',
      at: d.stageTimes.paid ?? d.updatedAt,
    }),
  }),
  rule({
    id: 'subscription.churned',
    label: 'Subscription churned',
    event: 'subscription.churned',
    about: 'a Stripe subscription was canceled',
    fields: stripeFields,
    channels: ['os'],
    severity: 'warning',
    notice: (s) => ({ key: `subscription.churned:${s.subscriptionId}`, title: 'Subscription churned', body: `Subscription ${s.subscriptionId}${s.customerId ? ` of customer ${s.customerId}` : ''} was canceled${s.livemode ? '' : ' (test mode)'}`, area: 'revenue', at: s.at }),
  }),
  rule({
    id: 'backup.failed',
    label: 'Backup failed',
    event: 'backup.failed',
    about: 'a backup failed, was cancelled or was interrupted',
    fields: backupFields,
    channels: ['os'],
    severity: 'critical',
    notice: (op) => ({ key: `backup.failed:${op.id}`, title: `Backup ${op.status}: ${op.plan}`, body: clip(op.error ?? `The backup of ${op.plan} did not make a snapshot.`), area: 'backups', at: op.finishedAt ?? op.startedAt }),
  }),
  rule({
    id: 'backup.stale',
    label: 'Backup stale',
    event: 'backup.stale',
    about: 'a plan’s last successful backup is older than 1.5× its schedule’s interval',
    fields: backupFields,
    channels: ['os'],
    severity: 'warning',
    notice: (s) => ({
      key: `backup.stale:${s.planId}:${s.lastSuccessAt ?? 'never'}`,
      title: `Backup stale: ${s.plan}`,
      body: s.lastSuccessAt === null ? `No backup of ${s.plan} has succeeded yet.` : `The last successful backup of ${s.plan} is ${Math.round(s.ageMs / 3_600_000)} h old.`,
      area: 'backups',
      at: s.at,
    }),
  }),
  rule({
    id: 'check.failed',
    label: 'Repository check failed',
    event: 'check.failed',
    about: 'a restic check of a plan’s repository found problems or could not run',
    fields: backupFields,
    channels: ['os'],
    severity: 'critical',
    notice: (op) => ({ key: `check.failed:${op.id}`, title: `Repository check failed: ${op.plan}`, body: clip(op.error ?? 'The check found problems; its report is in the operation’s log.'), area: 'backups', at: op.finishedAt ?? op.startedAt }),
  }),
  rule({
    id: 'founder.notified',
    label: 'Workflow tells the founder',
    event: 'founder.notified',
    about: 'a workflow’s notify.founder step (its level warning or error raises the severity)',
    fields: { workflow: (n) => n.workflowName, level: (n) => n.level, title: (n) => n.title },
    channels: ['os'],
    severity: 'info',
    notice: (n) => ({ key: `founder.notified:${n.id}`, title: n.title, body: n.body, area: 'workflows', at: n.at, ...(stepSeverity[n.level] ? { severity: stepSeverity[n.level] } : {}) }),
  }),
  rule({
    id: 'budget.crossed',
    label: 'Budget reached',
    event: 'budget.crossed',
    about: 'a cost category’s spend this month reached 80% or 100% of its budget',
    fields: { category: (b) => b.category, threshold: (b) => String(b.threshold) },
    channels: ['os'],
    severity: 'warning',
    notice: budgetNotice,
  }),
  rule(subjectRequestDueRule),
];
