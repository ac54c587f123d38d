import { z } from 'zod';
import { event, procedure } from './procedure';
import { epochMs, howMany, listOf, noInput, recordId } from './common';

export const subjectRequestKinds = ['export', 'erase', 'do-not-sell'] as const;
export const subjectRequestLaws = ['gdpr', 'ccpa'] as const;
export const subjectRequestSources = ['app', 'cli', 'site'] as const;
/** open: not answered yet; waiting: an erase waits for the founder's approval; erasing: approved, retried until its proof passes. */
export const subjectRequestStatuses = ['open', 'waiting', 'erasing', 'answered', 'rejected'] as const;

const email = z.string().trim().min(1, 'is required').max(254, 'is longer than 254 characters').email('must be an email address like name@example.com');

/** How many rows each mapped table still holds about the person after an erasure (all 0 when it passed). */
export const erasureProofSchema = z.object({
  passed: z.boolean(),
  checkedAt: epochMs,
  /** `local:<table>` / `remote:<table>` / `stripe:customers` → rows still matching. */
  counts: z.record(z.string(), z.number().int()),
  /** Stores that could not be checked, and why (e.g. no remote Postgres configured). */
  skipped: z.array(z.object({ store: z.string(), reason: z.string() })),
  /** Tables kept for a legal duty (invoices for tax), anonymised rather than deleted. */
  legalHolds: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  deleted: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  anonymised: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  stripeCustomersDeleted: z.number().int(),
});
export type ErasureProof = z.infer<typeof erasureProofSchema>;

export const exportSummarySchema = z.object({
  matched: z.boolean(),
  /** Rows (or Stripe objects) found per source; null when the source was not reachable or not configured. */
  rows: z.object({ local: z.number().int(), remote: z.number().int().nullable(), stripe: z.number().int().nullable() }),
  notes: z.array(z.string()),
  file: z.string(),
  bytes: z.number().int(),
});
export type ExportSummary = z.infer<typeof exportSummarySchema>;

export const subjectRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(subjectRequestKinds),
  law: z.enum(subjectRequestLaws),
  source: z.enum(subjectRequestSources),
  /** Null once the person is erased; the hash stays. */
  email: z.string().nullable(),
  emailHash: z.string(),
  receivedAt: epochMs,
  dueAt: epochMs,
  overdue: z.boolean(),
  status: z.enum(subjectRequestStatuses),
  approvalId: z.string().nullable(),
  answeredAt: epochMs.nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  export: exportSummarySchema.nullable(),
  proof: erasureProofSchema.nullable(),
});
export type SubjectRequest = z.infer<typeof subjectRequestSchema>;

export const dataMapEntrySchema = z.object({
  table: z.string(),
  store: z.enum(['local', 'remote']),
  purpose: z.string(),
  personal: z.array(z.string()),
  basis: z.string(),
  retention: z.string(),
  retentionDays: z.number().int().nullable(),
  erasure: z.enum(['delete', 'anonymise', 'legal-hold', 'none']),
});
export type DataMapRow = z.infer<typeof dataMapEntrySchema>;

export const dataMapCoverageSchema = z.object({
  complete: z.boolean(),
  missing: z.array(z.object({ store: z.enum(['local', 'remote']), table: z.string() })),
  tables: z.number().int(),
  /** False when the remote Postgres could not be read: only the local tables were compared. */
  remoteChecked: z.boolean(),
});

export const complianceProcedures = {
  'compliance.dataMap': procedure({
    summary: 'The data map: every table of the local store and the shared Postgres, its personal columns, lawful basis, retention and what erasure does; and whether it covers every table the migrations made.',
    input: noInput,
    output: z.object({ tables: z.array(dataMapEntrySchema), coverage: dataMapCoverageSchema }),
  }),
  'compliance.requests': procedure({
    summary: 'Data-subject requests, newest first, with their statutory due dates.',
    input: z.object({ status: z.enum(subjectRequestStatuses).optional(), limit: howMany(500, 100) }).strict(),
    output: listOf('requests', subjectRequestSchema),
  }),
  'compliance.file': procedure({
    summary: 'File a data-subject request (export, erase, do-not-sell) under GDPR (due in one month) or CCPA (45 days). An erase asks for the founder\u2019s approval (Class C); do-not-sell is flagged at once.',
    input: z.object({ email, kind: z.enum(subjectRequestKinds), law: z.enum(subjectRequestLaws).default('gdpr'), source: z.enum(['app', 'cli']).default('app') }).strict(),
    output: subjectRequestSchema,
  }),
  'compliance.answerExport': procedure({
    summary: 'Answer an export request: every row about the person in the local store, the shared Postgres and Stripe, as one ZIP in the data dir\u2019s compliance-exports folder.',
    input: z.object({ id: recordId }).strict(),
    output: subjectRequestSchema,
  }),
  'compliance.export': procedure({
    summary: 'Export everything about a person to a ZIP at `out` (a JSON file per source and a summary), recorded as an answered export request.',
    input: z.object({ email, out: z.string().min(1, 'is required'), law: z.enum(subjectRequestLaws).default('gdpr') }).strict(),
    output: subjectRequestSchema,
  }),
  'compliance.pull': procedure({
    summary: 'Pull the site\u2019s "download or delete my data" requests from the shared Postgres and file each one.',
    input: noInput,
    output: z.object({ filed: z.number().int() }),
  }),
  'compliance.retention': procedure({
    summary: 'Anonymise leads and DFY requests older than their retention period (pre-launch: asks for approval, Class B).',
    input: noInput,
    output: z.object({ anonymised: z.number().int(), approvalId: z.string().nullable() }),
  }),
};

export const complianceEvents = {
  'compliance.requestDue': event({
    summary: 'A data-subject request is due within 7 days or overdue (once per request and state); the payload never carries the email.',
    payload: z.object({ id: z.string(), kind: z.enum(subjectRequestKinds), law: z.enum(subjectRequestLaws), dueAt: epochMs, overdue: z.boolean(), at: epochMs }),
  }),
  'compliance.changed': event({ summary: 'A data-subject request was filed, answered or changed state.', payload: z.object({ id: z.string(), status: z.enum(subjectRequestStatuses) }) }),
};
