import type { DfyRequest, Lead, PipelineChange, PipelineStats, PipelineSyncResult } from '../../../../shared/contract/pipeline';
import type { PipelineKind } from '../../../../shared/pipeline-stages';
import type { BackgroundTask } from '../../background';
import type { Clock } from '../../clock';
import type { Db } from '../../db/open';
import { badInput } from '../../errors';
import type { EventBus } from '../../event-bus';
import { uuidv7 } from '../../ids';
import type { Logger } from '../../logger';
import { every } from '../../periodic';
import type { PipelinePort, PipelineUpdate } from '../../pipeline-port';
import type { RemoteDb } from '../../remote';
import { founderValues, toChange, toDfyRequest, toLead, type Changes, type FounderField, type ItemRow } from './item-row';
import { pipelineStats } from './pipeline-stats';
import { PipelineStore, type ListFilter, type PulledRow } from './pipeline-store';
import { PipelineSync } from './pipeline-sync';
import { checkMove } from './stage-rules';

export interface PipelineServiceDeps {
  db: Db;
  remote: RemoteDb;
  clock: Clock;
  log: Logger;
  events: EventBus;
  /** How often the background task syncs (ms); 0 pauses. */
  syncEveryMs?: () => number;
}

/** A founder's edit of the fields other than the stage. */
export interface ItemEdit {
  notes?: string | null | undefined;
  value?: { amountMinor: number; currency: string } | null | undefined;
  stripeCustomerId?: string | null | undefined;
  stripePaymentId?: string | null | undefined;
}

export type AnyItem = Lead | DfyRequest;

const defaultSyncEveryMs = 5 * 60_000;

/**
 * Leads and DFY requests: read from the local copy (offline too), moved and edited by the
 * founder (each change a row in the change log, written back to the shared Postgres
 * idempotently), pulled from the site in the background and by hand.
 */
export class PipelineService {
  readonly store: PipelineStore;
  private readonly syncer: PipelineSync;

  constructor(private readonly d: PipelineServiceDeps) {
    this.store = new PipelineStore(d.db);
    this.syncer = new PipelineSync({
      ...d,
      store: this.store,
      onPulled: (kind, rows, initial) => this.announce(kind, rows, initial),
      onWritten: (change, outcome) => change.kind === 'dfy' && outcome.stage === 'paid' && this.announcePaid(change.item_id),
    });
  }

  list(kind: PipelineKind, filter: ListFilter): { items: AnyItem[]; nextCursor?: string } {
    const { rows, nextCursor } = this.store.list(kind, filter);
    return { items: rows.map((r) => this.item(r)), ...(nextCursor ? { nextCursor } : {}) };
  }

  get(kind: PipelineKind, id: string): AnyItem & { changes: PipelineChange[] } {
    const row = this.store.require(kind, id);
    return { ...this.item(row), changes: this.store.changesOf(kind, id).map(toChange) };
  }

  /** Moves an item to `stage` (stage-rules.ts), stamping the time it entered it. */
  move(kind: PipelineKind, id: string, stage: string, note?: string): AnyItem {
    const row = this.store.require(kind, id);
    checkMove(kind, row.stage, stage, note);
    const now = this.d.clock.now();
    const before = founderValues(row);
    const changes: Changes = {
      stage: { from: row.stage, to: stage },
      stageTimes: { from: before.stageTimes, to: { ...(before.stageTimes as Record<string, number>), [stage]: now } },
    };
    if (note !== undefined) changes.stageReason = { from: before.stageReason, to: note };
    // dfy.paid waits until the shared Postgres has the paid state (the site may have cancelled meanwhile)
    return this.record(kind, id, changes, now);
  }

  /** Changes the founder's own fields; a field given as its current value is left out. */
  edit(kind: PipelineKind, id: string, edit: ItemEdit): AnyItem {
    const row = this.store.require(kind, id);
    const before = founderValues(row);
    const changes: Changes = {};
    for (const field of ['notes', 'value', 'stripeCustomerId', 'stripePaymentId'] as const satisfies readonly FounderField[]) {
      const to = edit[field];
      if (to === undefined || JSON.stringify(to) === JSON.stringify(before[field])) continue;
      changes[field] = { from: before[field], to };
    }
    if (Object.keys(changes).length === 0) return this.item(row);
    return this.record(kind, id, changes, this.d.clock.now());
  }

  stats(): { leads: PipelineStats; dfy: PipelineStats } {
    return { leads: pipelineStats('lead', this.store.histories('lead')), dfy: pipelineStats('dfy', this.store.histories('dfy')) };
  }

  /** Writes pending changes back, then pulls; joins a sync already running. */
  sync(): Promise<PipelineSyncResult> {
    return this.syncer.run();
  }

  /** The last successful sync and the last error ('' after a success). */
  syncState(): { lastSyncAt?: number; lastError?: string; pending: number } {
    const at = this.store.getState('last.at');
    const error = this.store.getState('last.error');
    return { ...(at ? { lastSyncAt: Number(at) } : {}), ...(error ? { lastError: error } : {}), pending: this.store.countPending() };
  }

  /** Syncs every few minutes while the remote is configured; offline, a failed try waits for the next. */
  backgroundTask(): BackgroundTask {
    const interval = this.d.syncEveryMs ?? (() => defaultSyncEveryMs);
    return every('revenue pipeline sync', () => (this.d.remote.configured ? interval() : 0), () => this.sync(), this.d.log, 5_000);
  }

  /** What the workflow step lead.update uses (core/pipeline-port.ts). */
  port(): PipelinePort {
    return {
      update: (kind, id, update: PipelineUpdate) => {
        if (update.stage === undefined && update.notes === undefined) throw badInput('stage', 'give a stage to move to, or notes to write (or both)');
        const row = this.store.require(kind, id);
        // already there is done, not an error: a step re-run after a crash must not fail on its own first move
        const stage = update.stage !== undefined && update.stage !== row.stage ? update.stage : undefined;
        // checked before anything is written: a bad move changes nothing, notes included
        if (stage !== undefined) checkMove(kind, row.stage, stage, update.note);
        let item = stage !== undefined ? this.move(kind, id, stage, update.note) : this.item(row);
        if (update.notes !== undefined) item = this.edit(kind, id, { notes: update.notes });
        return item;
      },
    };
  }

  private record(kind: PipelineKind, id: string, changes: Changes, now: number): AnyItem {
    this.store.recordChange(kind, id, uuidv7(now), changes, now);
    // written back at once when the remote is there; offline it waits for the next sync
    if (this.d.remote.configured) void this.sync().catch((err: unknown) => this.d.log.info({ err: err instanceof Error ? err.message : String(err) }, 'pipeline write-back waits for the next sync'));
    return this.item(this.store.require(kind, id));
  }

  private item(row: ItemRow): AnyItem {
    const pending = this.store.pendingCount(row.kind, row.id);
    return row.kind === 'lead' ? toLead(row, pending) : toDfyRequest(row, pending);
  }

  /**
   * New items, and DFY requests the remote has as paid, as the pull saw them. A table's first
   * pull imports: it announces nothing, and requests already paid count as announced.
   */
  private announce(kind: PipelineKind, rows: readonly PulledRow[], initial: boolean): void {
    for (const { before, after, remoteStage } of rows) {
      if (initial) {
        if (kind === 'dfy' && remoteStage === 'paid') this.store.markPaidAnnounced(after.id, this.d.clock.now());
        continue;
      }
      if (!before && kind === 'lead') this.d.events.emit('lead.created', this.item(after) as Lead);
      if (!before && kind === 'dfy') this.d.events.emit('dfy.created', this.item(after) as DfyRequest);
      if (kind === 'dfy' && remoteStage === 'paid') this.announcePaid(after.id);
    }
  }

  /** dfy.paid once per request, when the paid state is final (dfy_paid_announced). */
  private announcePaid(id: string): void {
    if (this.store.markPaidAnnounced(id, this.d.clock.now())) this.d.events.emit('dfy.paid', this.item(this.store.require('dfy', id)) as DfyRequest);
  }
}
