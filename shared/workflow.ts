import { z } from 'zod';
import { triggerInputSchema } from './trigger-input';
import { eventTriggerTypes } from './triggers';

/**
 * The workflow file format: what `workflow import` reads and `workflow export`
 * writes, shared by the engine, the contract and the editor. Structure only: whether a step
 * type exists, whether its params pass that type's schema, cycles, reachability and the cron
 * expression are checked by the engine's validator, which names every problem by JSON path.
 */

export const stepClasses = ['A', 'B', 'C'] as const;
export const stepClassSchema = z.enum(stepClasses, { error: () => 'must be A, B or C' });
export type StepClass = z.infer<typeof stepClassSchema>;

/** A < B < C: a workflow may raise a step's class, never lower it. */
export function classRank(c: StepClass): number {
  return c === 'A' ? 0 : c === 'B' ? 1 : 2;
}
export function maxClass(a: StepClass, b: StepClass): StepClass {
  return classRank(a) >= classRank(b) ? a : b;
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const durationPattern = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/;

/** `"500ms"`, `"30s"`, `"10m"`, `"24h"`, `"7d"`, `"1w"` → milliseconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = durationPattern.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * (durationUnits[match[2] as string] as number);
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

export const durationSchema = z
  .string({ error: () => 'must be a duration such as "500ms", "30s", "10m", "24h" or "7d"' })
  .refine((s) => parseDuration(s) !== undefined, { message: 'must be a duration such as "500ms", "30s", "10m", "24h" or "7d"' });

export const nodeIdPattern = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export const retryPolicySchema = z
  .object({
    maxAttempts: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(1),
    backoff: z.enum(['exponential', 'fixed'], { error: () => 'must be exponential or fixed' }).default('exponential'),
    initialMs: z.number().int().min(0).max(86_400_000).default(500),
    maxMs: z.number().int().min(0).max(86_400_000).default(60_000),
    jitter: z.boolean().default(true),
  })
  .strict();
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

export const approvalTimeoutOutcomes = ['reject', 'skip', 'dry-run'] as const;
export const approvalPolicySchema = z
  .object({
    /** How long an approval request stays open; absent = until someone decides. */
    timeout: durationSchema.optional(),
    /** What the step does when nobody decides in time. Never "approve". `dry-run` is for Class B only. */
    onTimeout: z.enum(approvalTimeoutOutcomes, { error: () => 'must be reject, skip or dry-run (a timeout never approves)' }).default('reject'),
    /**
     * No effect any more: in pre-launch every Class B step asks (shared/approval-cover.ts). Kept
     * so that files and stored workflows written with it still load.
     */
    request: z.boolean().default(false),
    /** Shown to the founder with the request. */
    message: z.string().max(2000).optional(),
  })
  .strict();
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;

export const positionSchema = z.object({ x: z.number(), y: z.number() }).strict();

export const workflowNodeSchema = z
  .object({
    id: z.string().regex(nodeIdPattern, 'must start with a letter or _ and use only letters, digits, _ and - (at most 64)'),
    type: z.string().min(1, 'is required'),
    name: z.string().max(200).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    class: stepClassSchema.optional(),
    retry: retryPolicySchema.optional(),
    /** Per-attempt time limit; the step type's default otherwise. */
    timeout: durationSchema.optional(),
    approval: approvalPolicySchema.optional(),
    position: positionSchema.optional(),
  })
  .strict();
export type WorkflowNode = z.infer<typeof workflowNodeSchema>;

export const workflowEdgeSchema = z
  .object({
    from: z.string().min(1, 'is required'),
    fromPort: z.string().min(1).optional(),
    to: z.string().min(1, 'is required'),
  })
  .strict();
export type WorkflowEdge = z.infer<typeof workflowEdgeSchema>;

export const overlapPolicies = ['skip', 'buffer-one', 'allow'] as const;
export const catchUpPolicies = ['none', 'latest', 'all'] as const;

export const manualTriggerSchema = z
  .object({
    type: z.literal('manual'),
    /** The fields a run asks for (shared/trigger-input.ts); without them any JSON input is taken. */
    input: triggerInputSchema.optional(),
  })
  .strict();
export type ManualTrigger = z.infer<typeof manualTriggerSchema>;
export const cronTriggerSchema = z
  .object({
    type: z.literal('cron'),
    expr: z.string().min(1, 'is required'),
    timezone: z.string().min(1).default('UTC'),
    overlap: z.enum(overlapPolicies, { error: () => 'must be skip, buffer-one or allow' }).default('skip'),
    catchUp: z.enum(catchUpPolicies, { error: () => 'must be none, latest or all' }).default('latest'),
    catchUpWindow: durationSchema.default('24h'),
  })
  .strict();
export const eventTriggerSchema = z
  .object({
    type: z.literal('event'),
    event: z.string({ error: () => 'is required' }).min(1, 'is required'),
    /** Every key must equal the same key of the event payload (a subset match). */
    filter: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export const webhookTriggerSchema = z
  .object({
    type: z.literal('webhook'),
    path: z.string().regex(/^[a-z0-9][a-z0-9-_]{0,99}$/, 'must be lowercase letters, digits, - and _ (e.g. new-order)'),
    respond: z.enum(['onFinish', 'immediately'], { error: () => 'must be onFinish or immediately' }).default('onFinish'),
  })
  .strict();

/** A named event trigger (shared/triggers): `type` and an optional filter, like an `event` trigger's. */
function namedEventTriggerSchema<T extends string>(type: T) {
  return z.object({ type: z.literal(type), filter: z.record(z.string(), z.unknown()).optional() }).strict();
}
const namedEventTriggerSchemas = eventTriggerTypes.map((t) => namedEventTriggerSchema(t.type));

export const triggerTypeNames = ['manual', 'cron', 'event', 'webhook', ...eventTriggerTypes.map((t) => t.type)] as const;

export const triggerSchema = z.discriminatedUnion('type', [manualTriggerSchema, cronTriggerSchema, eventTriggerSchema, webhookTriggerSchema, ...namedEventTriggerSchemas], {
  error: () => `must be a trigger of type ${triggerTypeNames.slice(0, -1).join(', ')} or ${triggerTypeNames.at(-1)}`,
});
export type Trigger = z.infer<typeof triggerSchema>;
export type CronTrigger = z.infer<typeof cronTriggerSchema>;
export type TriggerType = Trigger['type'];

export const workflowDocumentSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    description: z.string().max(5000).optional(),
    trigger: triggerSchema,
    /** At most this many runs of the workflow at once (running or waiting); more are queued. */
    concurrency: z.number().int().min(1, 'must be at least 1').max(1000).optional(),
    nodes: z.array(workflowNodeSchema).min(1, 'a workflow needs at least one step').max(500, 'at most 500 steps'),
    edges: z.array(workflowEdgeSchema).max(2000).default([]),
  })
  .strict();
/** A parsed workflow (defaults applied). */
export type WorkflowDocument = z.infer<typeof workflowDocumentSchema>;
/** A workflow as written in a file (defaults optional). */
export type WorkflowDocumentInput = z.input<typeof workflowDocumentSchema>;

/**
 * A JSON field whose text does not parse, kept in a draft exactly as typed:
 * `{ "$unparsedJson": "<the text>" }` where the value would be. The validator reports each one
 * (so such a document is only ever a draft, and never runs); the editor shows the text again.
 */
export const unparsedJsonKey = '$unparsedJson';

export function unparsedJson(text: string): { [unparsedJsonKey]: string } {
  return { [unparsedJsonKey]: text };
}

/** The text kept by `unparsedJson`, or undefined when the value is anything else. */
export function unparsedJsonText(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const text = (value as Record<string, unknown>)[unparsedJsonKey];
  return keys.length === 1 && typeof text === 'string' ? text : undefined;
}

/** One validation problem: a JSON path such as `nodes[2].params.url` and why. */
export const workflowProblemSchema = z.object({ path: z.string(), message: z.string() });
export type WorkflowProblem = z.infer<typeof workflowProblemSchema>;

/**
 * `rejected`: the founder rejected an approval the run waited for. It ended as decided, so it is
 * not a failure: analytics count it apart, the Guardian does not score it, healing never retries it.
 */
export const runStatuses = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'rejected', 'cancelled'] as const;
export const runStatusSchema = z.enum(runStatuses);
export type RunStatus = z.infer<typeof runStatusSchema>;
export const terminalRunStatuses: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'rejected', 'cancelled']);
/** The error code of a step whose approval was rejected; its run ends as `rejected`. */
export const approvalRejectedCode = 'APPROVAL_REJECTED';
/** A run that ended this way may be run again from where it stopped (`runs.retry`). */
export const retriableRunStatuses: ReadonlySet<RunStatus> = new Set(['failed', 'rejected', 'cancelled']);

export const stepStatuses = ['running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;
export const stepStatusSchema = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** How a step ran: for real, as a dry run (preview recorded, no side effect), or not at all. */
export const stepModes = ['real', 'dry-run', 'blocked'] as const;
export const stepModeSchema = z.enum(stepModes);
export type StepMode = z.infer<typeof stepModeSchema>;

export const approvalStatuses = ['pending', 'approved', 'rejected', 'expired', 'cancelled'] as const;
export const approvalStatusSchema = z.enum(approvalStatuses);
export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;

export const runTriggers = ['manual', 'cron', 'event', 'webhook', 'child'] as const;
export const runTriggerSchema = z.enum(runTriggers);
export type RunTrigger = z.infer<typeof runTriggerSchema>;
