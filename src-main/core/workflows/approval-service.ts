import type { Approval } from '../../../shared/contract/workflows';
import type { ApprovalStatus } from '../../../shared/workflow';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import type { Runner } from './runner/runner';
import type { ApprovalStore } from './store/approval-store';

/** The founder's decisions on Class C (and requested Class B) steps. */
export class ApprovalService {
  constructor(
    private readonly db: Db,
    private readonly store: ApprovalStore,
    private readonly runner: Runner,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  list(filter: { status?: ApprovalStatus; runId?: string; limit: number }): Approval[] {
    return this.store.list(filter);
  }

  get(id: string): Approval {
    const a = this.store.get(id);
    if (!a) throw new CoreError('NOT_FOUND', `id: no approval has id "${id}"`, 'id');
    return a;
  }

  approve(id: string, options: { reason?: string; by?: string } = {}): Approval {
    return this.decide(id, 'approved', options);
  }

  reject(id: string, options: { reason?: string; by?: string } = {}): Approval {
    return this.decide(id, 'rejected', options);
  }

  /** Records the decision, then wakes the run (here, unless another process is executing it). */
  private decide(id: string, status: 'approved' | 'rejected', options: { reason?: string; by?: string }): Approval {
    const current = this.get(id);
    if (current.status !== 'pending') {
      throw new CoreError('CONFLICT', `id: approval ${id} is already ${current.status}${current.decidedBy ? ` (by ${current.decidedBy})` : ''}`, 'id');
    }
    const now = this.clock.now();
    if (current.expiresAt !== null && current.expiresAt <= now) {
      throw new CoreError('CONFLICT', `id: approval ${id} timed out at ${new Date(current.expiresAt).toISOString()}`, 'id');
    }
    const ok = this.db
      .transaction(() => {
        if (!this.store.decide(id, status, options.by ?? 'founder', now, options.reason ?? null)) return false;
        return true;
      })
      .immediate();
    if (!ok) throw new CoreError('CONFLICT', `id: approval ${id} was decided meanwhile`, 'id');
    const decided = this.get(id);
    this.events.emit('approval.decided', decided);
    this.runner.wake(decided.runId);
    return decided;
  }
}
