import type { ErasureProof, ExportSummary, SubjectRequest, subjectRequestKinds, subjectRequestLaws, subjectRequestSources, subjectRequestStatuses } from '../../../shared/contract/compliance';
import { withStatements } from '../db/with-statements';

export type RequestStatus = (typeof subjectRequestStatuses)[number];

export interface RequestRow {
  id: string;
  kind: (typeof subjectRequestKinds)[number];
  law: (typeof subjectRequestLaws)[number];
  source: (typeof subjectRequestSources)[number];
  site_id: string | null;
  email: string | null;
  email_hash: string;
  received_at: number;
  due_at: number;
  status: RequestStatus;
  approval_id: string | null;
  answered_at: number | null;
  outcome: string | null;
  attempts: number;
  last_error: string | null;
  alerted_at: number | null;
}

const sql = {
  insert: `INSERT INTO subject_requests (id, kind, law, source, site_id, email, email_hash, received_at, due_at, status)
    VALUES (@id, @kind, @law, @source, @site_id, @email, @email_hash, @received_at, @due_at, @status) ON CONFLICT (site_id) DO NOTHING`,
  get: 'SELECT * FROM subject_requests WHERE id = ?',
  list: 'SELECT * FROM subject_requests WHERE (@status IS NULL OR status = @status) ORDER BY received_at DESC, id DESC LIMIT @limit',
  unanswered: "SELECT * FROM subject_requests WHERE status IN ('open', 'waiting', 'erasing') ORDER BY due_at",
  erasing: "SELECT * FROM subject_requests WHERE status = 'erasing' ORDER BY due_at",
  setStatus: 'UPDATE subject_requests SET status = @status, approval_id = coalesce(@approval_id, approval_id) WHERE id = @id',
  answer: 'UPDATE subject_requests SET status = @status, answered_at = @at, outcome = @outcome, last_error = NULL WHERE id = @id',
  failed: 'UPDATE subject_requests SET attempts = attempts + 1, last_error = @error WHERE id = @id',
  alerted: 'UPDATE subject_requests SET alerted_at = @at WHERE id = @id',
  stateGet: 'SELECT value FROM compliance_state WHERE key = ?',
  stateSet: 'INSERT INTO compliance_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  flag: 'INSERT INTO subject_flags (email_hash, do_not_sell, set_at, request_id) VALUES (?, 1, ?, ?) ON CONFLICT (email_hash) DO UPDATE SET do_not_sell = 1, set_at = excluded.set_at, request_id = excluded.request_id',
  flagged: 'SELECT email_hash FROM subject_flags WHERE do_not_sell = 1',
};

/** The subject_requests, subject_flags and compliance_state tables. */
export class RequestStore extends withStatements(sql) {
  insert(row: Omit<RequestRow, 'approval_id' | 'answered_at' | 'outcome' | 'attempts' | 'last_error' | 'alerted_at'>): boolean {
    return this.s.insert.run(row).changes === 1;
  }
  get(id: string): RequestRow | undefined {
    return this.s.get.get(id) as RequestRow | undefined;
  }
  list(status: RequestStatus | undefined, limit: number): RequestRow[] {
    return this.s.list.all({ status: status ?? null, limit }) as RequestRow[];
  }
  unanswered(): RequestRow[] {
    return this.s.unanswered.all() as RequestRow[];
  }
  erasing(): RequestRow[] {
    return this.s.erasing.all() as RequestRow[];
  }
  setStatus(id: string, status: RequestStatus, approvalId: string | null = null): void {
    this.s.setStatus.run({ id, status, approval_id: approvalId });
  }
  answer(id: string, status: 'answered' | 'rejected', at: number, outcome: unknown): void {
    this.s.answer.run({ id, status, at, outcome: outcome === undefined ? null : JSON.stringify(outcome) });
  }
  failed(id: string, error: string): void {
    this.s.failed.run({ id, error });
  }
  alerted(id: string, at: number): void {
    this.s.alerted.run({ id, at });
  }
  state(key: string): string | undefined {
    return (this.s.stateGet.get(key) as { value: string } | undefined)?.value;
  }
  setState(key: string, value: string): void {
    this.s.stateSet.run(key, value);
  }
  flag(hash: string, at: number, requestId: string): void {
    this.s.flag.run(hash, at, requestId);
  }
  flaggedHashes(): Set<string> {
    return new Set((this.s.flagged.all() as { email_hash: string }[]).map((r) => r.email_hash));
  }
}

/** A row as the contract shows it; the outcome is the export's summary or the erasure's proof by kind. */
export function toSubjectRequest(row: RequestRow, now: number): SubjectRequest {
  const outcome = row.outcome ? (JSON.parse(row.outcome) as unknown) : null;
  const open = row.status === 'open' || row.status === 'waiting' || row.status === 'erasing';
  return {
    id: row.id,
    kind: row.kind,
    law: row.law,
    source: row.source,
    email: row.email && !row.email.endsWith('@erased.invalid') ? row.email : null,
    emailHash: row.email_hash,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    overdue: open && now > row.due_at,
    status: row.status,
    approvalId: row.approval_id,
    answeredAt: row.answered_at,
    attempts: row.attempts,
    lastError: row.last_error,
    export: row.kind === 'export' ? ((outcome as ExportSummary | null) ?? null) : null,
    proof: row.kind === 'erase' ? ((outcome as ErasureProof | null) ?? null) : null,
  };
}
