import type { Approval } from '../../../shared/contract/approvals';
import type { LaunchStage } from '../../../shared/stage';
import { defineApprovalSubject, type SubjectOutcome } from '../approvals';
import type { EraseApprovalPort } from './erase-approval';

export const retentionKind = 'compliance.retention';

/** Pre-launch, anonymising expired leads is Class B: one request per day it is due, which the founder approves. */
export function requestRetention(approvals: EraseApprovalPort, stage: LaunchStage, day: string, rows: number): Approval {
  return approvals.request({
    subject: { kind: retentionKind, ref: day, title: `Anonymise ${rows} lead(s) past their retention period` },
    action: retentionKind,
    class: 'B',
    stage,
    message: `Anonymise ${rows} lead(s) and DFY request(s) older than their retention period (the data map\u2019s retentionDays): the address becomes a stand-in, name, company and messages are emptied`,
    preview: { day, rows },
    requestedBy: 'compliance retention',
    timeoutMs: 86_400_000,
  });
}

export function connectRetentionSubject(approvals: EraseApprovalPort, run: () => Promise<number>): void {
  approvals.registerSubject(
    defineApprovalSubject({
      kind: retentionKind,
      decided: async (a): Promise<SubjectOutcome> => (a.status === 'approved' ? { ok: true, result: 'good', message: `anonymised ${await run()} row(s) past their retention period` } : { ok: true, result: 'none', message: `nothing anonymised: approval ${a.status}` }),
    }),
  );
}
