import type { PipelineSyncResult } from '../../../../shared/contract/pipeline';
import type { PipelineKind } from '../../../../shared/pipeline-stages';
import type { Clock } from '../../clock';
import { CoreError } from '../../errors';
import type { Logger } from '../../logger';
import type { RemoteDb } from '../../remote';
import type { ChangeRow, Changes } from './item-row';
import type { PipelineStore, PulledRow } from './pipeline-store';
import { pullPage, toPulledItem } from './remote-items';
import { writeChange, type WriteOutcome } from './write-back';

const notConfigured = 'No remote Postgres is configured: set the database.url secret (levqor secrets set database.url) or LEVQOR_DATABASE_URL.';

export interface PipelineSyncDeps {
  store: PipelineStore;
  remote: RemoteDb;
  clock: Clock;
  log: Logger;
  /** Each pulled item, before and after, once its page is stored; `initial` on a table's first pull. */
  onPulled(kind: PipelineKind, rows: readonly PulledRow[], initial: boolean): void;
  /** A change the remote now has (or kept the site's value over), once its outcome is stored. */
  onWritten(change: ChangeRow, outcome: WriteOutcome): void;
  pageSize?: number;
}

const cursorKey = (kind: PipelineKind) => `${kind}.cursor`;

/**
 * Write-back, then pull. Each pending change is one remote transaction carrying its
 * idempotency key, and is marked done locally only after that commits (a crash in between
 * re-sends it, and the key makes the re-send a no-op). Each pulled page is stored with its
 * cursor in one local transaction. One sync at a time; a second call joins it.
 */
export class PipelineSync {
  private running: Promise<PipelineSyncResult> | undefined;
  private readonly pageSize: number;

  constructor(private readonly d: PipelineSyncDeps) {
    this.pageSize = d.pageSize ?? 1_000;
  }

  run(): Promise<PipelineSyncResult> {
    this.running ??= this.execute().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async execute(): Promise<PipelineSyncResult> {
    const { store, remote, clock } = this.d;
    if (!remote.configured) throw new CoreError('UNAVAILABLE', notConfigured);
    try {
      const { written, conflicts } = await this.writeBack();
      const leads = await this.pull('lead');
      const dfy = await this.pull('dfy');
      const at = clock.now();
      store.setState('last.at', String(at));
      store.setState('last.error', '');
      return { pulled: { leads, dfy }, written, conflicts, pending: store.countPending(), at };
    } catch (err) {
      store.setState('last.error', err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  private async writeBack(): Promise<{ written: number; conflicts: number }> {
    const { store, remote, clock, log } = this.d;
    let written = 0;
    let conflicts = 0;
    for (;;) {
      const batch = store.pending(100);
      if (batch.length === 0) break;
      for (const change of batch) {
        let outcome;
        try {
          outcome = await remote.transaction('pipeline write-back', (client) => writeChange(client, change.id, change.kind, change.item_id, JSON.parse(change.changes) as Changes));
        } catch (err) {
          store.failed(change.id, err instanceof Error ? err.message : String(err));
          throw err;
        }
        store.settle(change.id, outcome.state, outcome, clock.now());
        this.d.onWritten(change, outcome);
        if (outcome.state === 'conflict') {
          conflicts++;
          log.warn({ change: change.id, kind: change.kind, item: change.item_id, reason: outcome.reason }, 'pipeline write-back: the site\u2019s value was kept');
        } else written++;
      }
    }
    return { written, conflicts };
  }

  private async pull(kind: PipelineKind): Promise<number> {
    const { store, remote, clock } = this.d;
    let pulled = 0;
    // the first pull imports what the site already has: no "created" events for old items
    const initial = store.getState(cursorKey(kind)) === undefined;
    for (;;) {
      const [txid = '0', seq = '0'] = (store.getState(cursorKey(kind)) ?? '0:0').split(':');
      const page = await remote.run('pipeline pull', (pool) => pullPage(pool, kind, { txid, seq }, this.pageSize));
      if (page.length === 0) break;
      const last = page.at(-1)!;
      const rows = store.storePulled(page.map((r) => toPulledItem(kind, r)), cursorKey(kind), `${last.txid}:${last.seq}`, clock.now());
      pulled += rows.length;
      this.d.onPulled(kind, rows, initial);
    }
    if (initial && pulled === 0) store.setState(cursorKey(kind), '0:0');
    return pulled;
  }
}
