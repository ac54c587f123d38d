import type { LaunchStage } from '../../../shared/stage';
import type { SubjectAuditEntry } from '../approvals';
import type { Clock } from '../clock';

/**
 * One audit row per outside channel a notice is queued for (Slack, Telegram, email): what left
 * the machine, keyed by the notice, never its words (a title may name a customer).
 */
export function auditNotices(approvals: { audit(entry: SubjectAuditEntry): void }, clock: Clock, stage: () => LaunchStage) {
  return (sent: { key: string; area: string; channels: string[] }): void => {
    for (const channel of sent.channels) {
      approvals.audit({
        at: clock.now(),
        subject: { kind: 'notify.send', ref: `${channel}:${sent.key}` },
        stepType: 'notify.send',
        class: 'A',
        stage: stage(),
        mode: 'real',
        decision: 'not-required',
        approvalId: null,
        attempt: 1,
        detail: JSON.stringify({ channel, key: sent.key, area: sent.area }),
      });
    }
  };
}
