import { z } from 'zod';
import type { Approval } from '../../../../shared/contract/approvals';
import { briefingSchema, type Briefing } from '../../../../shared/contract/briefing';
import type { LaunchStage } from '../../../../shared/stage';
import { defineApprovalSubject, type ApprovalService, type SubjectAuditEntry, type SubjectOutcome } from '../../approvals';
import type { Clock } from '../../clock';
import { renderBriefing } from './renderers';

/** What the briefing needs of the approval system (createCore hands it the ApprovalService). */
export type BriefingApprovalPort = Pick<ApprovalService, 'request' | 'audit' | 'registerSubject' | 'list' | 'cancel'>;

export const briefingApprovalKind = 'notify.briefing' as const;
/** A briefing nobody approved within 12 hours is stale news: the request expires and nothing is sent. */
export const briefingApprovalTimeoutMs = 12 * 3_600_000;

/** What the founder approves: exactly this document, to exactly these channels. */
const previewSchema = z.object({ key: z.string(), channels: z.array(z.string()).min(1), briefing: briefingSchema });

export interface BriefingApprovalDeps {
  clock: Clock;
  stage: () => LaunchStage;
  /** Writes the briefing to the outbox for these channels under its key. */
  enqueue(doc: Briefing, key: string, channels: readonly string[]): void;
}

/**
 * Pre-launch, a briefing to an outside channel (Telegram, Slack, email) is a Class B send: it
 * becomes an approval (subject notify.briefing, its notice key as ref) whose preview is the
 * document and each channel's rendering; approving sends exactly that document, rejecting or
 * letting it expire sends nothing. A newer briefing supersedes a still-pending older one.
 */
export class BriefingApproval {
  private approvals: BriefingApprovalPort | undefined;

  constructor(private readonly d: BriefingApprovalDeps) {}

  connect(approvals: BriefingApprovalPort): void {
    this.approvals = approvals;
    approvals.registerSubject(defineApprovalSubject({ kind: briefingApprovalKind, decided: (a) => this.decided(a) }));
  }

  get connected(): boolean {
    return this.approvals !== undefined;
  }

  /** Asks for the founder's approval to send `doc` to `channels`; returns the request. */
  request(doc: Briefing, key: string, channels: readonly string[]): Approval {
    const approvals = this.approvals;
    if (!approvals) throw new Error('the briefing approval is not connected');
    for (const older of approvals.list({ status: 'pending', kind: briefingApprovalKind, limit: 100 })) {
      if (older.subject.ref !== key) approvals.cancel(older.id, `superseded by the briefing of ${doc.date}`);
    }
    const renderings = renderBriefing(doc);
    const stage = this.d.stage();
    const a = approvals.request({
      subject: { kind: briefingApprovalKind, ref: key, title: `Send the founder briefing of ${doc.date} to ${channels.join(', ')}` },
      action: 'notify.briefing',
      class: 'B',
      stage,
      message: `Pre-launch, the daily briefing goes to outside services only once you approve it (or turn it on: levqor settings set notify.briefing.enabled true). The preview shows what ${channels.join(', ')} would receive.`,
      preview: { key, channels, briefing: doc, renderings: Object.fromEntries(channels.flatMap((c) => (c in renderings ? [[c, renderings[c as keyof typeof renderings]]] : []))) },
      requestedBy: 'founder briefing',
      timeoutMs: briefingApprovalTimeoutMs,
    });
    this.audit(key, { stage, mode: 'dry-run', decision: 'pre-launch', approvalId: a.id, detail: JSON.stringify({ channels }) });
    return a;
  }

  /** A send that needs no approval (post-launch, or the founder turned the briefing on): its audit row, before it happens. */
  auditReal(key: string, channels: readonly string[], decision: 'not-required' | 'approved', approvalId: string | null = null): void {
    this.audit(key, { stage: this.d.stage(), mode: 'real', decision, approvalId, detail: JSON.stringify({ channels }) });
  }

  private decided(a: Approval): SubjectOutcome {
    const parsed = previewSchema.safeParse(a.preview);
    if (!parsed.success) return { ok: false, message: 'nothing sent: the approval\u2019s preview is not a briefing' };
    const { key, channels, briefing } = parsed.data;
    if (a.status !== 'approved') {
      this.audit(key, { stage: this.d.stage(), mode: 'blocked', decision: a.status === 'expired' ? 'expired' : 'rejected', approvalId: a.id, detail: `approval ${a.status}` });
      return { ok: true, result: 'none', message: `the briefing of ${briefing.date} was not sent to ${channels.join(', ')}: approval ${a.status}` };
    }
    this.auditReal(key, channels, 'approved', a.id);
    this.d.enqueue(briefing, key, channels);
    return { ok: true, message: `the briefing of ${briefing.date} is queued for ${channels.join(', ')}` };
  }

  private audit(key: string, row: Pick<SubjectAuditEntry, 'stage' | 'mode' | 'decision' | 'approvalId' | 'detail'>): void {
    this.approvals?.audit({ at: this.d.clock.now(), subject: { kind: briefingApprovalKind, ref: key }, stepType: 'notify.briefing', class: 'B', attempt: 1, ...row });
  }
}
