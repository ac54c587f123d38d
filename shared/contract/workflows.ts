import { z } from 'zod';
import { event, procedure } from './procedure';
import { byId, epochMs, howMany, listOf, noInput, recordId as id } from './common';
import {
  runStatusSchema,
  runTriggerSchema,
  stepClassSchema,
  stepModeSchema,
  stepStatusSchema,
  triggerTypeNames,
  workflowDocumentSchema,
  workflowProblemSchema,
} from '../workflow';
import { approvalSchema } from './approvals';
import { classByParamSchema } from '../step-class';

/** A webhook delivery's answer: `status` is the HTTP status POST /hooks/<path> answers with. */
export const webhookAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal(404), error: z.string() }),
  z.object({ status: z.literal(401), error: z.string() }),
  // the queue of accepted runs is full (workflows.maxQueuedRuns): nothing was saved
  z.object({ status: z.literal(429), error: z.string(), retryAfterSeconds: z.number().int().positive() }),
  z.object({ status: z.literal(202), runId: z.string(), runStatus: z.string() }),
  z.object({ status: z.literal(200), runId: z.string(), runStatus: z.string(), output: z.unknown() }),
  z.object({ status: z.literal(500), runId: z.string(), runStatus: z.string(), error: z.string() }),
]);
export type WebhookAnswer = z.output<typeof webhookAnswerSchema>;

export const workflowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  triggerType: z.enum(triggerTypeNames),
  enabled: z.boolean(),
  steps: z.number().int(),
  createdAt: epochMs,
  updatedAt: epochMs,
  lastRun: z.object({ runId: z.string(), status: runStatusSchema, at: epochMs }).optional(),
  nextFireAt: epochMs.optional(),
  /** Webhook workflows: the path they answer at, `POST /hooks/<webhookPath>`. */
  webhookPath: z.string().optional(),
  /** Saved with validation problems: its trigger is inactive and it cannot run until saved valid. */
  draft: z.boolean(),
  /** How many validation problems the saved document has (0 unless a draft). */
  problems: z.number().int(),
  /** The current version: every save, import and restore adds one. */
  version: z.number().int(),
  /** Succeeded / finished runs of the last 30 days (rejected runs left out), 0..1; null when none finished. */
  successRate: z.number().nullable(),
});
export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;

/** A draft's document as written: an object that may fail validation (never silently fixed). */
export const draftDocumentSchema = z.record(z.string(), z.unknown());

/**
 * A stored document: the valid one, or a draft's as written. The loose schema comes first so the
 * output check never applies the file format's defaults to a draft (it is shown as written).
 */
const storedDocumentSchema = z.union([draftDocumentSchema, workflowDocumentSchema]);

export const workflowDetailSchema = workflowSummarySchema.extend({
  workflow: storedDocumentSchema,
  /** Replaces the summary's count: a draft's validation problems by JSON path; [] when valid. */
  problems: z.array(workflowProblemSchema),
  /**
   * Webhook workflows: where to POST and the secret to send (header `x-levqor-secret` or `?secret=`).
   * `url` is the path on the server; `listenUrl` the full URL while this process listens for it
   * (levqor serve, the desktop app's inbound server), else `notListening` says why not.
   */
  webhook: z
    .object({ path: z.string(), url: z.string(), secret: z.string(), respond: z.enum(['onFinish', 'immediately']), listenUrl: z.string().optional(), notListening: z.string().optional() })
    .optional(),
});
export type WorkflowDetail = z.infer<typeof workflowDetailSchema>;

export const workflowVersionBriefSchema = z.object({
  version: z.number().int(),
  savedAt: epochMs,
  name: z.string(),
  draft: z.boolean(),
  /** How many validation problems that version had. */
  problems: z.number().int(),
});
export type WorkflowVersionBrief = z.infer<typeof workflowVersionBriefSchema>;

export const runStepBriefSchema = z.object({ id: z.string(), status: stepStatusSchema, attempts: z.number().int() });

export const runErrorSchema = z.object({ code: z.string(), message: z.string(), nodeId: z.string().optional() });

/** When a run or one of its steps started and finished; null until it has. */
const timing = { startedAt: epochMs.nullable(), finishedAt: epochMs.nullable() };

/** The stored workflow a run is of (null for a document given inline) and its name when the run started. */
const workflowRef = { workflowId: z.string().nullable(), workflowName: z.string() };

export const runSummarySchema = z.object({
  id: z.string(),
  ...workflowRef,
  trigger: runTriggerSchema,
  status: runStatusSchema,
  parentRunId: z.string().nullable(),
  createdAt: epochMs,
  ...timing,
  wakeAt: epochMs.nullable(),
  error: runErrorSchema.nullable(),
  scheduledFor: epochMs.nullable(),
  /** Started with dryRun: Class B/C steps (approval gates too) were recorded as dry runs, nothing waited. */
  dryRun: z.boolean(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runResultSchema = z.object({
  runId: z.string(),
  status: runStatusSchema,
  steps: z.array(runStepBriefSchema),
  output: z.unknown().optional(),
  error: runErrorSchema.optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const runStepDetailSchema = z.object({
  id: z.string(),
  type: z.string(),
  class: stepClassSchema,
  status: stepStatusSchema,
  mode: stepModeSchema.nullable(),
  attempts: z.number().int(),
  port: z.string().nullable(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  error: runErrorSchema.nullable(),
  wakeAt: epochMs.nullable(),
  ...timing,
});
export type RunStepDetail = z.infer<typeof runStepDetailSchema>;

export const runLogLineSchema = z.object({
  at: epochMs,
  nodeId: z.string().nullable(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
  data: z.unknown().optional(),
});

export const runDetailSchema = runSummarySchema.extend({
  /** The workflow document this run started with (later edits do not change it). */
  workflow: workflowDocumentSchema.optional(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  steps: z.array(runStepDetailSchema),
  logs: z.array(runLogLineSchema),
  approvals: z.array(approvalSchema),
  children: z.array(z.string()),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

/** How a form draws one field it learns at run time (a step's param, a monitor's setting). */
export const fieldHintSchema = z.object({ label: z.string(), widget: z.string(), placeholder: z.string().optional(), help: z.string().optional() });
export type FieldHint = z.infer<typeof fieldHintSchema>;

export const stepTypeInfoSchema = z.object({
  type: z.string(),
  title: z.string(),
  description: z.string(),
  /** The type's class, unless `classBy` names another for the value of one param. */
  class: stepClassSchema,
  /** In words, e.g. "A for GET and HEAD (read-only), B otherwise". */
  classNote: z.string().optional(),
  /** The param that decides the class and the class for each listed value: `stepClassOf` (shared/step-class.ts) reads it. */
  classBy: classByParamSchema.optional(),
  /** The class a step of this type takes once a step that sends outward uses its output (shared/sent-output.ts). */
  classWhenSent: stepClassSchema.optional(),
  /** The type delivers what it is given outside the app although its class is A (notify.founder). */
  sendsOut: z.boolean().optional(),
  ports: z.array(z.string()),
  /** JSON Schema (draft 2020-12) of the params, for the editor's form. */
  paramsSchema: z.record(z.string(), z.unknown()),
  /** Per param: label, widget (text, textarea, expression, select, number, json, duration, workflow), placeholder. */
  ui: z.record(z.string(), fieldHintSchema),
  defaults: z.record(z.string(), z.unknown()),
});
export type StepTypeInfo = z.infer<typeof stepTypeInfoSchema>;

export const workflowStatsSchema = z.object({
  workflowId: z.string(),
  from: epochMs,
  to: epochMs,
  runs: z.number().int(),
  finished: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  /** Ended because the founder rejected an approval: counted apart, never as a failure. */
  rejected: z.number().int(),
  cancelled: z.number().int(),
  /** succeeded / (finished − rejected), 0..1; null when nothing but rejected runs finished. */
  successRate: z.number().nullable(),
  p50DurationMs: z.number().nullable(),
  p95DurationMs: z.number().nullable(),
  topFailureReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** Mean time from an approval request to its decision; null when none was decided. */
  meanApprovalWaitMs: z.number().nullable(),
  approvalsDecided: z.number().int(),
  /** Runs per calendar day in `timezone` (by createdAt), every day of the range, oldest first. */
  daily: z.array(
    z.object({ day: z.string(), succeeded: z.number().int(), failed: z.number().int(), rejected: z.number().int(), cancelled: z.number().int(), other: z.number().int() }),
  ),
  timezone: z.string(),
});
export type WorkflowStats = z.infer<typeof workflowStatsSchema>;

/** A workflow as sent by a caller: checked by the engine's validator, which reports every problem. */
const workflowInput = z.unknown().refine((v) => v !== undefined, { message: 'is required' });

const versionInput = z.object({ id, version: z.number().int().min(1, 'must be at least 1') }).strict();

/** The input of a procedure that takes a stored workflow (`id`) or a document as given (`workflow`), exactly one, beside `fields`. */
function storedOrGiven<S extends z.ZodRawShape>(fields: S) {
  return z
    .object({ id: id.optional(), workflow: z.unknown().optional(), ...fields })
    .strict()
    .refine((v: { id?: unknown; workflow?: unknown }) => (v.id === undefined) !== (v.workflow === undefined), { message: 'give either id or workflow', path: ['id'] });
}

export const workflowsProcedures = {
  'workflows.validate': procedure({
    summary: 'Check a workflow file and list every problem by JSON path.',
    input: z.object({ workflow: workflowInput }).strict(),
    output: z.object({ valid: z.boolean(), errors: z.array(workflowProblemSchema) }),
  }),
  'workflows.import': procedure({
    summary: 'Store a new workflow from its JSON file; returns its id.',
    input: z.object({ workflow: workflowInput, enabled: z.boolean().optional() }).strict(),
    output: z.object({ id: z.string(), name: z.string() }),
  }),
  'workflows.save': procedure({
    summary: 'Create (no id) or replace (id) a workflow, adding a version; with draft, a document with problems is kept as a draft.',
    input: z
      .object({
        id: id.optional(),
        workflow: workflowInput,
        enabled: z.boolean().optional(),
        /** Store a document that fails validation anyway, as written, as an inactive draft. */
        draft: z.boolean().optional(),
      })
      .strict(),
    output: workflowSummarySchema,
  }),
  'workflows.versions': procedure({
    summary: 'Every saved version of a workflow, newest first.',
    input: byId(id),
    output: listOf('versions', workflowVersionBriefSchema),
  }),
  'workflows.getVersion': procedure({
    summary: 'One saved version of a workflow with its document and problems.',
    input: versionInput,
    output: z.object({
      version: z.number().int(),
      savedAt: epochMs,
      draft: z.boolean(),
      workflow: storedDocumentSchema,
      problems: z.array(workflowProblemSchema),
    }),
  }),
  'workflows.restoreVersion': procedure({
    summary: 'Save an earlier version\u2019s document as the newest version (a draft stays a draft).',
    input: versionInput,
    output: workflowSummarySchema,
  }),
  'workflows.list': procedure({
    summary: 'Every stored workflow with its last run and next fire time.',
    input: noInput,
    output: listOf('workflows', workflowSummarySchema),
  }),
  'workflows.get': procedure({
    summary: 'One workflow with its document (and webhook secret when it has one).',
    input: byId(id),
    output: workflowDetailSchema,
  }),
  'workflows.export': procedure({
    summary: 'A workflow as its JSON file; a draft as written, with its problems.',
    input: byId(id),
    output: z.object({
      workflow: storedDocumentSchema,
      json: z.string(),
      draft: z.boolean(),
      problems: z.array(workflowProblemSchema),
    }),
  }),
  'workflows.delete': procedure({
    summary: 'Delete a workflow; its past runs are kept.',
    input: byId(id),
    output: z.object({ deleted: z.boolean() }),
  }),
  'workflows.setEnabled': procedure({
    summary: 'Turn a workflow\u2019s trigger (schedule, event, webhook) on or off.',
    input: z.object({ id, enabled: z.boolean() }).strict(),
    output: workflowSummarySchema,
  }),
  'workflows.rotateSecret': procedure({
    summary: 'Give a webhook workflow a new secret; the old one stops working at once.',
    input: byId(id),
    output: z.object({ secret: z.string() }),
  }),
  'workflows.run': procedure({
    summary: 'Run a stored workflow (id) or a workflow document; with wait, return when it ends or waits for approval.',
    input: storedOrGiven({
      input: z.unknown().optional(),
      wait: z.boolean().default(false),
      /** Class A steps run for real; Class B/C steps (approval gates too) record their preview as a dry run. */
      dryRun: z.boolean().default(false),
    }),
    output: runResultSchema,
  }),
  'workflows.webhook': procedure({
    summary: 'Deliver a webhook to the workflow listening at /hooks/<path> (what POST /hooks/<path> does): the secret checked, a run started, answered as its respond mode says.',
    input: z
      .object({
        path: z.string(),
        secret: z.string().optional(),
        body: z.unknown(),
        /** The request's headers, the server's own credentials left out. */
        headers: z.record(z.string(), z.string()),
      })
      .strict(),
    output: webhookAnswerSchema,
    transports: ['http'],
  }),
  'workflows.stats': procedure({
    summary: 'Runs, success rate, p50/p95 duration, top failure reasons and mean approval wait over a date range.',
    input: z.object({ id, from: epochMs.optional(), to: epochMs.optional(), timezone: z.string().min(1).max(100).optional() }).strict(),
    output: workflowStatsSchema,
  }),
  'workflows.stepTypes': procedure({
    summary: 'The step library for the editor palette: type, title, class, params JSON Schema, ports, UI hints.',
    input: noInput,
    output: listOf('stepTypes', stepTypeInfoSchema),
  }),
  'runs.list': procedure({
    summary: 'Recent runs, newest first, optionally of one workflow or status.',
    input: z
      .object({
        workflowId: id.optional(),
        status: runStatusSchema.optional(),
        limit: howMany(500, 50),
        before: epochMs.optional(),
        /** createdAt in [from, to). */
        from: epochMs.optional(),
        to: epochMs.optional(),
      })
      .strict(),
    output: listOf('runs', runSummarySchema),
  }),
  'runs.get': procedure({
    summary: 'One run with every step (attempts, input, output, error), its log and approvals.',
    input: byId(id),
    output: runDetailSchema,
  }),
  'runs.resume': procedure({
    summary: 'Continue interrupted runs (their process is gone), due waits and queued runs here; with wait, return when each has ended or waits for an approval.',
    input: z.object({ wait: z.boolean().default(false) }).strict(),
    output: listOf('resumed', runResultSchema),
  }),
  'runs.retry': procedure({
    summary: 'Run a failed, rejected or cancelled run again from its failed step; finished steps are kept, and a rejected approval is asked again.',
    input: z.object({ id, wait: z.boolean().default(false) }).strict(),
    output: runResultSchema,
  }),
  'runs.cancel': procedure({
    summary: 'Stop a run: the running step is aborted, waits and approvals are cancelled.',
    input: byId(id),
    output: runSummarySchema,
  }),
  'schedule.preview': procedure({
    summary: 'The next fire times of a cron workflow (stored id or a document).',
    input: storedOrGiven({ count: howMany(500, 5), from: epochMs.optional() }),
    output: z.object({
      expr: z.string(),
      timezone: z.string(),
      times: z.array(z.object({ at: epochMs, iso: z.string(), local: z.string() })),
    }),
  }),
};

const runRef = { runId: z.string(), ...workflowRef };

export const workflowEvents = {
  'run.started': event({
    summary: 'A run started (or resumed after a restart).',
    payload: z.object({ ...runRef, trigger: runTriggerSchema, resumed: z.boolean(), at: epochMs }),
  }),
  'step.started': event({
    summary: 'A step attempt started.',
    payload: z.object({ ...runRef, nodeId: z.string(), type: z.string(), class: stepClassSchema, attempt: z.number().int(), at: epochMs }),
  }),
  'step.finished': event({
    summary: 'A step finished: succeeded (for real or as a dry run), skipped, or parked waiting.',
    payload: z.object({
      ...runRef,
      nodeId: z.string(),
      type: z.string(),
      status: stepStatusSchema,
      mode: stepModeSchema.nullable(),
      port: z.string().nullable(),
      attempt: z.number().int(),
      durationMs: z.number(),
      wakeAt: epochMs.nullable(),
      at: epochMs,
    }),
  }),
  'step.failed': event({
    summary: 'A step attempt failed; willRetry says whether another attempt is scheduled.',
    payload: z.object({
      ...runRef,
      nodeId: z.string(),
      type: z.string(),
      attempt: z.number().int(),
      error: runErrorSchema,
      willRetry: z.boolean(),
      retryAt: epochMs.nullable(),
      at: epochMs,
    }),
  }),
  'run.finished': event({
    summary: 'A run ended: succeeded, failed, rejected (an approval it waited for was rejected) or cancelled.',
    payload: z.object({ ...runRef, status: runStatusSchema, error: runErrorSchema.nullable(), durationMs: z.number(), at: epochMs }),
  }),
  'workflows.webhookReceived': event({
    summary: 'A webhook call passed its secret check and started a run: its body and headers (the editor\u2019s "Listen for a test call" shows them).',
    payload: z.object({
      workflowId: z.string(),
      path: z.string(),
      body: z.unknown(),
      /** The request's headers, the secret and credentials left out. */
      headers: z.record(z.string(), z.string()),
      runId: z.string(),
      at: epochMs,
    }),
  }),
  'founder.notified': event({
    summary: 'A workflow asked to tell the founder something (notify.founder); channels deliver it.',
    payload: z.object({
      id: z.string(),
      ...runRef,
      nodeId: z.string(),
      title: z.string(),
      body: z.string(),
      level: z.enum(['info', 'success', 'warning', 'error']),
      at: epochMs,
    }),
  }),
};
