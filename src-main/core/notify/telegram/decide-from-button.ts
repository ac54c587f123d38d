import type { Approval } from '../../../../shared/contract/approvals';
import type { ButtonRow } from './telegram-store';

/** What Telegram's buttons need of the approval system: the same calls the Approvals inbox makes. */
export interface ApprovalDecisions {
  get(id: string): Approval;
  approve(id: string, options: { reason?: string; by?: string }): Approval;
  reject(id: string, options: { reason?: string; by?: string }): Approval;
}

/**
 * What pressing a button came to. `decided`: this press decided the approval (its buttons are
 * then used up); `final`: nothing more can be decided with these buttons (they are taken off
 * the message); neither: deciding failed, and the buttons stay for another press.
 */
export interface PressOutcome {
  text: string;
  decided: boolean;
  final: boolean;
}

export interface Presser {
  /** `telegram:<user id>`, as the approval's decidedBy records it. */
  by: string;
  /** The name Telegram shows for the founder, for the line under the message. */
  name: string;
}

const statusWords: Record<Approval['status'], string> = { pending: 'pending', approved: 'approved', rejected: 'rejected', expired: 'expired', cancelled: 'cancelled' };

export function when(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Decides the button's approval through the approval system, exactly as the inbox does, and
 * says truthfully what happened: a press on an approval already decided (here, in the app, or
 * by its timeout) reports that decision and changes nothing; a press that could not be
 * recorded says so and leaves the buttons usable.
 */
export function decideFromButton(approvals: ApprovalDecisions, button: ButtonRow, presser: Presser, now: number): PressOutcome {
  const current = find(approvals, button.approvalId);
  if (!current) return { text: 'This approval no longer exists in Levqor; nothing was decided.', decided: false, final: true };
  if (current.status !== 'pending') return alreadyDecided(current);
  if (button.usedAt !== null) return { text: `These buttons were already used (${button.usedBy ?? 'unknown'} at ${when(button.usedAt)}); nothing was decided.`, decided: false, final: true };
  if (now >= button.expiresAt) {
    return { text: `Expired: these buttons stopped deciding at ${when(button.expiresAt)}. Decide in Levqor's Approvals inbox.`, decided: false, final: true };
  }
  const options = { by: presser.by, reason: 'from Telegram' };
  try {
    const decided = button.decision === 'approve' ? approvals.approve(button.approvalId, options) : approvals.reject(button.approvalId, options);
    const verb = decided.status === 'approved' ? 'Approved' : 'Rejected';
    return { text: `${verb} by ${presser.name} (${presser.by}) at ${when(decided.decidedAt ?? now)}`, decided: true, final: true };
  } catch (err) {
    const after = find(approvals, button.approvalId);
    if (after && after.status !== 'pending') return alreadyDecided(after);
    if (after?.expiresAt != null && after.expiresAt <= now) return { text: `Expired: the approval timed out at ${when(after.expiresAt)}; nothing was decided.`, decided: false, final: true };
    const why = err instanceof Error ? err.message.replace(/^id: /, '') : String(err);
    return { text: `Not recorded: ${why}. Press again, or decide in Levqor's Approvals inbox.`, decided: false, final: false };
  }
}

function alreadyDecided(a: Approval): PressOutcome {
  const by = a.decidedBy ? ` by ${a.decidedBy}` : '';
  const at = a.decidedAt !== null ? ` at ${when(a.decidedAt)}` : '';
  const text = a.status === 'expired' ? `Expired: no decision came before the timeout${at}.` : `Already decided: ${statusWords[a.status]}${by}${at}.`;
  return { text, decided: false, final: true };
}

function find(approvals: ApprovalDecisions, id: string): Approval | undefined {
  try {
    return approvals.get(id);
  } catch {
    return undefined;
  }
}
