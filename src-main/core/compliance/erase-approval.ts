import type { Approval } from '../../../shared/contract/approvals';
import type { LaunchStage } from '../../../shared/stage';
import { defineApprovalSubject, type ApprovalService, type SubjectOutcome } from '../approvals';
import type { Clock } from '../clock';
import type { Found } from './subject-sources';

/** What the erase subject needs of the approval system (createCore hands it the ApprovalService). */
export type EraseApprovalPort = Pick<ApprovalService, 'request' | 'audit' | 'registerSubject'>;

export const eraseKind = 'compliance.erase';

/** An erase nobody decides on within 7 days is rejected (a timeout never approves); the statutory month leaves room to file it again. */
export const eraseApprovalTimeoutMs = 7 * 86_400_000;

function tablesOf(rows: Record<string, unknown[]> | null, store: string): string[] {
  return Object.entries(rows ?? {}).map(([t, r]) => `${store}:${t} (${r.length})`);
}

/** Asks the founder (Class C, at every stage) to erase the person a request names; nothing changes until approved. */
export function requestErase(approvals: EraseApprovalPort, stage: LaunchStage, requestId: string, found: Found, dueAt: number): Approval {
  const { email, customerIds } = found.keys;
  return approvals.request({
    subject: { kind: eraseKind, ref: requestId, title: `Erase everything about ${email}` },
    action: eraseKind,
    class: 'C',
    stage,
    message: `Delete or anonymise every row about ${email} as the data map says, delete their Stripe customer(s), and prove 0 rows are left; due ${new Date(dueAt).toISOString().slice(0, 10)}`,
    preview: {
      found: [...tablesOf(found.local, 'local'), ...tablesOf(found.remote, 'remote')],
      stripeCustomers: customerIds.length,
      notChecked: found.skipped,
      willDo: [
        'Record the erasure (by the email\u2019s hash) so a restore of an older backup erases them again',
        `Delete ${customerIds.length} Stripe customer(s) through the API`,
        'Delete their leads, DFY requests and log lines in the shared Postgres',
        'Delete or anonymise their rows in the local store; invoices and payments are kept for tax, anonymised (legal hold)',
        'Count their rows in every mapped table and at Stripe: done only when every count is 0',
      ],
    },
    requestedBy: 'compliance',
    timeoutMs: eraseApprovalTimeoutMs,
  });
}

/** Registers the subject: `decided` hands approved requests to `erase` and others to `refuse`. */
export function connectEraseSubject(approvals: EraseApprovalPort, on: { erase(a: Approval): Promise<SubjectOutcome>; refuse(a: Approval): SubjectOutcome }): void {
  approvals.registerSubject(defineApprovalSubject({ kind: eraseKind, decided: (a) => (a.status === 'approved' ? on.erase(a) : on.refuse(a)) }));
}

/** The audit row of an erasure: the hash of the email and the proof, never the email. */
export function auditErase(approvals: EraseApprovalPort, clock: Clock, a: Approval, stage: LaunchStage, detail: unknown): void {
  approvals.audit({ at: clock.now(), subject: { kind: eraseKind, ref: a.subject.ref }, stepType: eraseKind, class: 'C', stage, mode: 'real', decision: a.status === 'approved' ? 'approved' : a.status === 'expired' ? 'expired' : 'rejected', approvalId: a.id, attempt: 1, detail: JSON.stringify(detail) });
}
