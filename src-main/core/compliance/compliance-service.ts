import { join } from 'node:path';
import type { Approval } from '../../../shared/contract/approvals';
import type { DataMapRow, ErasureProof, ExportSummary, SubjectRequest } from '../../../shared/contract/compliance';
import type { LaunchStage } from '../../../shared/stage';
import type { SubjectOutcome } from '../approvals';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import { CoreError, badInput } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import { every } from '../periodic';
import { dataMap, dataMapCoverage } from './data-map';
import { announceDue } from './due-alerts';
import { auditErase, connectEraseSubject, requestErase, type EraseApprovalPort } from './erase-approval';
import { eraseSubject } from './erase-subject';
import { ErasureLedger } from './erasure-ledger';
import { erasedSubjects } from './erased-owners';
import { exportFiles } from './export-files';
import { writeExportZip } from './export-zip';
import { reapplyErasures } from './reapply-erasures';
import { withheldPeople } from './do-not-sell';
import type { WithheldPeople } from '../withheld-people-port';
import type { DataMapCoverage, DataMapCoveragePort } from '../data-map-port';
import type { ErasedSubjects } from '../erased-subjects-port';
import { anonymiseExpired, overdueLocal } from './lead-retention';
import { connectRetentionSubject, requestRetention } from './retention-approval';
import { RequestStore, toSubjectRequest, type RequestRow } from './request-store';
import { localTables, remoteTables } from './schema-tables';
import { pullSiteRequests, writeSiteStatus } from './site-requests';
import { dueAt } from './statutory-clock';
import { describeProof } from '../../../shared/compliance-words';
import { emailHash, emailProblem, normaliseEmail, pseudonyms } from './subject-keys';
import { findSubject, type SubjectSources } from './subject-sources';

type Kind = SubjectRequest['kind'];
type Law = SubjectRequest['law'];

export interface ComplianceDeps extends SubjectSources {
  dataDir: string;
  clock: Clock;
  log: Logger;
  events: EventBus;
  stage: () => LaunchStage;
}

export interface FileRequest {
  email: string;
  kind: Kind;
  law: Law;
  source: SubjectRequest['source'];
  siteId?: string;
  receivedAt?: number;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * GDPR / CCPA: the data map, data-subject requests with their statutory clocks, export to one
 * ZIP, erasure through a Class C approval with a proof, the site's requests pulled from the shared
 * Postgres, and erasures re-applied whenever the data is opened (a restore never brings an erased
 * person back).
 */
export class ComplianceService {
  readonly store: RequestStore;
  readonly ledger: ErasureLedger;
  private approvals: EraseApprovalPort | undefined;

  constructor(private readonly d: ComplianceDeps) {
    this.store = new RequestStore(d.db);
    this.ledger = new ErasureLedger(d.dataDir);
    const changed = reapplyErasures(d.db, this.ledger);
    if (changed > 0) d.log.warn({ rows: changed }, 'erasures recorded after this data was saved were applied again');
  }

  connectApprovals(approvals: EraseApprovalPort): void {
    this.approvals = approvals;
    connectEraseSubject(approvals, { erase: (a) => this.approvedErase(a), refuse: (a) => this.refusedErase(a) });
    connectRetentionSubject(approvals, () => anonymiseExpired(this.d.db, this.d.remote, this.d.clock.now()));
  }

  /** Leads past their retention period: anonymised now post-launch; pre-launch (Class B) asked for once a day. */
  async retention(): Promise<{ anonymised: number; approvalId: string | null }> {
    const now = this.d.clock.now();
    if (this.d.stage() === 'post-launch') return { anonymised: await anonymiseExpired(this.d.db, this.d.remote, now), approvalId: null };
    const rows = overdueLocal(this.d.db, now);
    if (rows === 0 || !this.approvals) return { anonymised: 0, approvalId: null };
    return { anonymised: 0, approvalId: requestRetention(this.approvals, this.d.stage(), new Date(now).toISOString().slice(0, 10), rows).id };
  }

  /** The people flagged "do not sell or share", for notify and the AI layer to withhold. */
  withheld(): WithheldPeople {
    return withheldPeople(this.d.db, this.store, () => this.d.clock.now());
  }

  dataMap(): DataMapRow[] {
    return dataMap.map((e) => ({ table: e.table, store: e.store, purpose: e.purpose, personal: [...e.personal], basis: e.basis, retention: e.retention, retentionDays: e.retentionDays ?? null, erasure: e.erasure }));
  }

  /** Whether the map names every table of both migrated stores; the governance preflight asks this. */
  async coverage(): Promise<DataMapCoverage> {
    let remote: string[] = [];
    let remoteChecked = false;
    if (this.d.remote.configured) {
      try {
        remote = await remoteTables(this.d.remote);
        remoteChecked = true;
      } catch (err) {
        this.d.log.info({ err: errorText(err) }, 'data map coverage: the remote Postgres could not be read');
      }
    }
    return { ...dataMapCoverage({ local: localTables(this.d.db), remote }), remoteChecked };
  }

  /** For the Stripe sync: whom the ledger lists, so their objects are stored already anonymised. */
  erasedSubjects(): ErasedSubjects {
    return erasedSubjects(this.ledger);
  }

  /** What the governance preflight asks (core/data-map-port.ts). */
  coveragePort(): DataMapCoveragePort {
    return { coverage: () => this.coverage() };
  }

  list(status: SubjectRequest['status'] | undefined, limit: number): SubjectRequest[] {
    const now = this.d.clock.now();
    return this.store.list(status, limit).map((r) => toSubjectRequest(r, now));
  }

  get(id: string): SubjectRequest {
    return toSubjectRequest(this.require(id), this.d.clock.now());
  }

  /** Files a request; an erase asks for approval at once, do-not-sell is flagged and answered at once. */
  async file(input: FileRequest): Promise<SubjectRequest> {
    const problem = emailProblem(input.email);
    if (problem) throw badInput('email', problem);
    const email = normaliseEmail(input.email);
    const now = this.d.clock.now();
    const receivedAt = input.receivedAt ?? now;
    const id = uuidv7(now);
    const inserted = this.store.insert({ id, kind: input.kind, law: input.law, source: input.source, site_id: input.siteId ?? null, email, email_hash: emailHash(email), received_at: receivedAt, due_at: dueAt(input.law, receivedAt), status: 'open' });
    if (!inserted) return this.get(this.store.list(undefined, 500).find((r) => r.site_id === input.siteId)!.id);
    if (input.kind === 'do-not-sell') {
      this.store.flag(emailHash(email), now, id);
      this.answered(id, 'answered', { flagged: true });
    } else if (input.kind === 'erase') await this.askErase(id);
    this.changed(id);
    return this.get(id);
  }

  /** Answers an export request with a ZIP in the data dir (compliance-exports/<id>.zip). */
  answerExport(id: string): Promise<SubjectRequest> {
    return this.writeExport(this.require(id), join(this.d.dataDir, 'compliance-exports', `${id}.zip`));
  }

  /** `levqor compliance export EMAIL --out FILE`: files the request and answers it into `out`. */
  async exportTo(email: string, out: string, law: Law): Promise<SubjectRequest> {
    const filed = await this.file({ email, kind: 'export', law, source: 'cli' });
    return this.writeExport(this.require(filed.id), out);
  }

  private async writeExport(row: RequestRow, file: string): Promise<SubjectRequest> {
    if (row.kind !== 'export') throw badInput('id', `request ${row.id} is ${row.kind === 'erase' ? 'an erase' : 'a do-not-sell'} request, not an export`);
    if (!row.email || row.email.endsWith('@erased.invalid')) throw badInput('id', `request ${row.id} names a person who has been erased: there is nothing left to export`);
    const found = await findSubject(this.d, row.email);
    // the request being answered is not data held about the person
    const others = (found.local.subject_requests ?? []).filter((r) => r.id !== row.id);
    if (others.length > 0) found.local.subject_requests = others;
    else delete found.local.subject_requests;
    const files = exportFiles(found, row, this.d.clock.now());
    const bytes = await writeExportZip(file, files.files);
    const summary: ExportSummary = { ...files.summary, file, bytes };
    this.answered(row.id, 'answered', summary);
    return this.get(row.id);
  }

  private async askErase(id: string): Promise<void> {
    if (!this.approvals) throw new Error('the erase approval subject is not connected');
    const row = this.require(id);
    const found = await findSubject(this.d, row.email!);
    const approval = requestErase(this.approvals, this.d.stage(), id, found, row.due_at);
    this.store.setStatus(id, 'waiting', approval.id);
  }

  private async approvedErase(a: Approval): Promise<SubjectOutcome> {
    const row = this.store.get(a.subject.ref);
    if (!row) return { ok: false, result: 'none', message: 'nothing erased: the request no longer exists' };
    this.store.setStatus(row.id, 'erasing', a.id);
    const proof = await this.tryErase(row);
    auditErase(this.approvals!, this.d.clock, a, this.d.stage(), { emailHash: row.email_hash, proof: proof ?? null });
    if (proof?.passed) return { ok: true, result: 'good', message: `erased: ${describeProof(proof)}` };
    return { ok: true, result: 'warn', message: `erasing: ${this.store.get(row.id)?.last_error ?? 'the proof found rows left'}; it is retried until its proof finds 0 rows` };
  }

  private refusedErase(a: Approval): SubjectOutcome {
    const row = this.store.get(a.subject.ref);
    if (row) {
      this.answered(row.id, 'rejected', null);
      this.changed(row.id);
    }
    if (this.approvals) auditErase(this.approvals, this.d.clock, a, this.d.stage(), { emailHash: row?.email_hash ?? null });
    return { ok: true, result: 'none', message: `nothing erased: approval ${a.status}` };
  }

  /** One attempt: erase and prove. Done (answered, the proof stored) only when the proof passes; else the error is kept and the retry task tries again. */
  private async tryErase(row: RequestRow): Promise<ErasureProof | undefined> {
    const email = row.email && !row.email.endsWith('@erased.invalid') ? row.email : pseudonyms(row.email_hash).email;
    try {
      const found = await findSubject(this.d, email);
      const ledgered = this.ledger.entries().find((e) => e.hash === row.email_hash);
      if (ledgered) found.keys.customerIds = [...new Set([...found.keys.customerIds, ...ledgered.customerIds])];
      const proof = await eraseSubject(this.d, this.ledger, found.keys, row.id, this.d.clock.now());
      if (!proof.passed) {
        const left = Object.entries(proof.counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`);
        this.store.failed(row.id, `the proof still finds rows: ${left.join(', ')}`);
        return proof;
      }
      this.answered(row.id, 'answered', proof);
      this.changed(row.id);
      return proof;
    } catch (err) {
      this.store.failed(row.id, errorText(err));
      this.d.log.warn({ request: row.id, err: errorText(err) }, 'erasure failed midway; it is retried');
      return undefined;
    }
  }

  /** Erasures approved but not yet proven: tried again (the background task calls this). */
  async retryErasures(): Promise<number> {
    let done = 0;
    for (const row of this.store.erasing()) if ((await this.tryErase(row))?.passed) done++;
    return done;
  }

  async pull(): Promise<number> {
    if (!this.d.remote.configured) throw new CoreError('UNAVAILABLE', 'No remote Postgres is configured: set the database.url secret (levqor secrets set database.url) or LEVQOR_DATABASE_URL.');
    return pullSiteRequests(this.d.remote, this.store, async (r) => {
      if (emailProblem(r.email)) {
        this.d.log.warn({ siteId: r.id }, 'a site request with an invalid email was skipped');
        return;
      }
      await this.file({ email: r.email, kind: r.kind, law: r.law, source: 'site', siteId: r.id, receivedAt: Number(r.created_ms) });
      await writeSiteStatus(this.d.remote, r.id, 'received');
    });
  }

  backgroundTasks(): BackgroundTask[] {
    return [
      every('compliance due dates', () => 3_600_000, () => announceDue(this.store, this.d.events, this.d.clock.now()), this.d.log, 5_000),
      every('compliance erasure retries', () => 60_000, () => this.retryErasures(), this.d.log, 10_000),
      // a safety net only: the Stripe sync stores an erased person's objects anonymised already
      // (it reads the ledger inside each write transaction); this catches a row written another way
      every('compliance erasures kept', () => 3_600_000, () => reapplyErasures(this.d.db, this.ledger), this.d.log, 30_000),
      every('compliance retention', () => 86_400_000, () => this.retention(), this.d.log, 60_000),
      every('compliance site requests', () => (this.d.remote.configured ? 300_000 : 0), () => this.pull(), this.d.log, 15_000),
    ];
  }

  private answered(id: string, status: 'answered' | 'rejected', outcome: unknown): void {
    this.store.answer(id, status, this.d.clock.now(), outcome);
    const siteId = this.store.get(id)?.site_id;
    if (siteId && this.d.remote.configured) void writeSiteStatus(this.d.remote, siteId, status).catch((err: unknown) => this.d.log.info({ err: errorText(err) }, 'the site request\u2019s status waits for the next pull'));
  }

  private changed(id: string): void {
    const row = this.store.get(id);
    if (row) this.d.events.emit('compliance.changed', { id, status: row.status });
  }

  private require(id: string): RequestRow {
    const row = this.store.get(id);
    if (!row) throw new CoreError('NOT_FOUND', `id: no subject request ${id}`, 'id');
    return row;
  }
}
