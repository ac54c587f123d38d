import { z } from 'zod';
import { event, procedure } from './procedure';
import { byId, epochMs, howMany, listOf, noInput } from './common';
import { anomalySchema } from './telemetry';
import { remoteStatusSchema } from './remote';
import { approvalSchema } from './approvals';
import { releaseNotesSchema, semverSchema } from './app';
import { fieldHintSchema } from './workflows';
import { areas, type AreaId } from '../areas';


/**
 * Monitor types (http, postgres, push, internal…) are defined in core, one file each; the
 * contract knows them only at run time: guardian.monitorTypes lists them with their settings.
 */
export const monitorStates = ['UP', 'DOWN', 'PENDING', 'MAINTENANCE'] as const;
export type MonitorState = (typeof monitorStates)[number];
const monitorStateSchema = z.enum(monitorStates);
export const stepClasses = ['A', 'B', 'C'] as const;
const stepClassSchema = z.enum(stepClasses);

export const deductionKinds = [
  'monitor_down',
  'error_burn',
  'slow_endpoint',
  'anomaly',
  'failed_runs',
  'stale_backup',
  'failed_check',
  'sync_lag',
  'approval_waiting',
  'failed_payments',
  'webhook_failures',
] as const;
export type DeductionKind = (typeof deductionKinds)[number];
const deductionKindSchema = z.enum(deductionKinds);

export const healingActions = [
  'recheck_monitor',
  'raise_monitor_timeout',
  'check_heartbeat_sender',
  'recheck_credential',
  'investigate_endpoint',
  'review_anomaly',
  'retry_failed_runs',
  'pause_flapping_workflow',
  'run_backup_now',
  'check_backup_repository',
  'sync_now',
  'decide_approval',
  'free_disk_space',
  'review_failed_payments',
  'check_webhook_secret',
] as const;

export const guardianLimits = {
  minIntervalSeconds: 1,
  maxIntervalSeconds: 86_400,
  maxRetries: 20,
  maxTimeoutSeconds: 300,
} as const;

const maintenanceWindowSchema = z
  .object({
    from: epochMs,
    to: epochMs,
    reason: z.string().max(200, 'is longer than 200 characters').optional(),
  })
  .strict();
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

const name = z.string().trim().min(1, 'must not be empty').max(100, 'is longer than 100 characters');

export const certificateSchema = z.object({
  /** When the certificate stops being valid (its valid_to). */
  validTo: epochMs,
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
});
export type PeerCertificateInfo = z.infer<typeof certificateSchema>;

/** Every monitor's own fields, whatever its type. */
const commonFields = z.object({
  name: name.optional(),
  intervalSeconds: z
    .number({ error: 'must be a number of seconds' })
    .min(guardianLimits.minIntervalSeconds, `must be at least ${guardianLimits.minIntervalSeconds} second`)
    .max(guardianLimits.maxIntervalSeconds, `must be at most ${guardianLimits.maxIntervalSeconds} seconds`)
    .optional(),
  retries: z.number().int('must be a whole number').min(0, 'must not be negative').max(guardianLimits.maxRetries, `must be at most ${guardianLimits.maxRetries}`).optional(),
  timeoutSeconds: z.number().min(0.1, 'must be at least 0.1 seconds').max(guardianLimits.maxTimeoutSeconds, `must be at most ${guardianLimits.maxTimeoutSeconds} seconds`).optional(),
  resendIntervalSeconds: z.number().min(0, 'must not be negative').max(7 * 86_400, 'must be at most a week').optional(),
  maintenance: z.array(maintenanceWindowSchema).max(50, 'has more than 50 windows').optional(),
  paused: z.boolean().optional(),
});

/**
 * The fields of a new monitor: the common ones, its type, and that type's settings beside them
 * (`{ type: 'http', url, keyword }`). Core checks the settings against the type's own schema,
 * naming the field; a field of another type or of no type is refused there.
 */
export const monitorFieldsSchema = commonFields
  .extend({ type: z.string({ error: 'is required: a monitor type (guardian.monitorTypes lists them)' }).min(1, 'must not be empty').max(100, 'is too long') })
  .catchall(z.unknown());
export type MonitorFields = z.input<typeof monitorFieldsSchema>;

/**
 * A monitor: its common fields and state, then the settings of every type flat beside them,
 * its own type's with their values and the others' unset (null, or their default). That flat
 * shape is the one monitors have had since the first build (`url`, `keyword`, `expectedStatus`,
 * `graceSeconds`, `check`, `maxAgeSeconds`, `minFreeMb`); a new type's settings join it.
 */
export const monitorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    intervalSeconds: z.number(),
    retries: z.number().int(),
    timeoutSeconds: z.number(),
    resendIntervalSeconds: z.number(),
    maintenance: z.array(maintenanceWindowSchema),
    paused: z.boolean(),
    /** push monitors: the path a cron job calls (GET or POST, no access token) on `levqor serve`. */
    pushPath: z.string().nullable(),
    state: monitorStateSchema,
    /** Consecutive failed checks (retries used). */
    failures: z.number().int(),
    lastCheckAt: epochMs.nullable(),
    lastChangeAt: epochMs.nullable(),
    lastPingAt: epochMs.nullable(),
    lastMessage: z.string().nullable(),
    lastMs: z.number().nullable(),
    createdAt: epochMs,
    /** HTTPS monitors: the server's certificate as the last check that reached it saw it; null for the others (shared/monitors.ts warns before it expires). */
    certificate: certificateSchema.nullable(),
  })
  .catchall(z.unknown());
export type Monitor = z.infer<typeof monitorSchema>;

/** One monitor type, for the monitor form and `levqor monitor add`: as workflows.stepTypes describes step types. */
export const monitorTypeInfoSchema = z.object({
  type: z.string(),
  label: z.string(),
  description: z.string(),
  /** JSON Schema (draft 2020-12) of the type's own settings. */
  settingsSchema: z.record(z.string(), z.unknown()),
  /** Per setting, in the order shown: label, widget (text, number, select, boolean), placeholder, help. */
  ui: z.record(z.string(), fieldHintSchema),
  defaults: z.record(z.string(), z.unknown()),
  /** The monitor gets its own ping URL (pushPath) that a cron job calls. */
  receivesPings: z.boolean(),
});
export type MonitorTypeInfo = z.infer<typeof monitorTypeInfoSchema>;

export const beatSchema = z.object({
  monitorId: z.string(),
  at: epochMs,
  state: monitorStateSchema,
  message: z.string(),
  ms: z.number().nullable(),
  /** A state change (Uptime Kuma's "important" beat). */
  important: z.boolean(),
});
export type Beat = z.infer<typeof beatSchema>;

const uptimeSchema = z.object({
  up: z.number().int(),
  down: z.number().int(),
  /** UP checks out of UP and DOWN ones (PENDING and MAINTENANCE judge nothing); null before any. */
  ratio: z.number().min(0).max(1).nullable(),
});

/** One monitor's uptime, its last beats and its response times over a window: the Guardian page's bar and chart. */
export const monitorStatsSchema = z.object({
  id: z.string(),
  uptime24h: uptimeSchema,
  uptime30d: uptimeSchema,
  /** The newest beats, oldest first (the heartbeat bar). */
  recent: z.array(beatSchema.omit({ monitorId: true, important: true })),
  /** Average response time per slice of the window, oldest first; slices without a timed check are left out. */
  responseTimes: z.array(z.object({ at: epochMs, ms: z.number() })),
});
export type MonitorStats = z.infer<typeof monitorStatsSchema>;

/** The moment the evidence refers to ("down since", "last seen"), kept out of the text so each reader writes it in its own style. */
export const evidenceTimeSchema = z.object({ label: z.string(), at: epochMs });
export type EvidenceTime = z.infer<typeof evidenceTimeSchema>;

export const deductionSchema = z.object({
  kind: deductionKindSchema,
  /** What costs the points, in words: `Monitor "api" is DOWN: HTTP 500`. */
  cause: z.string(),
  points: z.number().int(),
  subject: z.string(),
  evidence: z.string(),
  evidenceTime: evidenceTimeSchema.optional(),
});
export type Deduction = z.infer<typeof deductionSchema>;

export const scoreVerdicts = ['healthy', 'needs_attention', 'unhealthy', 'not_enough_data'] as const;
export type ScoreVerdict = (typeof scoreVerdicts)[number];
const verdictFields = {
  /** The score in words: 90 and up healthy, 70–89 needs attention, below unhealthy; not_enough_data while no monitor watches anything (the number then proves nothing). */
  verdict: z.enum(scoreVerdicts),
  /** Why there is not enough to assess (verdict not_enough_data). */
  verdictReason: z.string().optional(),
};

export const scoreSchema = z.object({
  at: epochMs,
  score: z.number().int().min(0).max(100),
  ...verdictFields,
  /** Adds up to 100 − score. */
  breakdown: z.array(deductionSchema),
  /** Rules that could not be judged (no data source yet), never scored with made-up numbers. */
  notAssessed: z.array(z.object({ kind: deductionKindSchema, reason: z.string() })),
});
export type HealthScore = z.infer<typeof scoreSchema>;

const healingLinkSchema = z.object({
  area: z.enum(areas.map((a) => a.id) as [AreaId, ...AreaId[]]),
  label: z.string(),
  /** The view's filters, e.g. `{ endpoint: '/api/checkout', levels: 'error,fatal' }` or `{ tab: 'anomalies', kind: 'repeated_message' }`. */
  params: z.record(z.string(), z.string()).optional(),
});
export type HealingLink = z.infer<typeof healingLinkSchema>;

export const healingStepSchema = z.object({
  /** Stable while the finding lasts (`<action>:<target>`): what guardian.requestHealing takes. */
  id: z.string(),
  finding: deductionKindSchema,
  action: z.enum(healingActions),
  title: z.string(),
  class: stepClassSchema,
  evidence: z.string(),
  evidenceTime: evidenceTimeSchema.optional(),
  expectedEffect: z.string(),
  /** What would run once approved: a procedure and its input. Nothing here runs by itself. */
  proposal: z.object({ procedure: z.string(), input: z.record(z.string(), z.unknown()) }).nullable(),
  /** Whether approving it here would apply it; when not, `refusal` says why (shown instead of the button). */
  applicable: z.boolean(),
  refusal: z.string().optional(),
  /** The approval this step waits for, once requested (guardian.requestHealing). */
  pendingApprovalId: z.string().optional(),
  /** Where in the app the founder does this step by hand (a Telemetry view, the Approvals inbox), with the view's filters. */
  link: healingLinkSchema.optional(),
});
export type HealingStep = z.infer<typeof healingStepSchema>;

export const healingPlanSchema = z.object({
  at: epochMs,
  dryRun: z.literal(true),
  score: z.number().int(),
  steps: z.array(healingStepSchema),
});
export type HealingPlan = z.infer<typeof healingPlanSchema>;

const monitorCounts = z.object({
  total: z.number().int(),
  up: z.number().int(),
  down: z.number().int(),
  pending: z.number().int(),
  maintenance: z.number().int(),
  items: z.array(monitorSchema.pick({ id: true, name: true, type: true, state: true, lastMessage: true, lastCheckAt: true })),
});

/** Revenue in the summary, from the local Stripe tables and pipeline (offline too). */
export const revenueSummarySchema = z.object({
  /** Whether a Stripe secret key is stored. */
  stripeConfigured: z.boolean(),
  mode: z.enum(['test', 'live']).nullable(),
  /** Charges that failed in the last 7 days; amounts in minor units per currency. */
  failedPayments7d: z.object({ count: z.number().int(), byCurrency: z.record(z.string(), z.number().int()), lastAt: epochMs.nullable() }),
  /** DFY requests not yet delivered or cancelled. */
  openDfyRequests: z.number().int(),
  /** POST /webhooks/stripe in the last 24 h: accepted, and refused for their signature. */
  webhooks24h: z.object({ accepted: z.number().int(), refused: z.number().int() }),
  /** MRR and its month-over-month change; null while `mrrNote` says why. */
  mrr: z.object({ amountMinor: z.number().int(), currency: z.string(), change: z.number().int().nullable() }).nullable(),
  mrrNote: z.string().nullable(),
});
export type RevenueSummary = z.infer<typeof revenueSummarySchema>;

export const summarySchema = z.object({
  at: epochMs,
  score: z.number().int(),
  ...verdictFields,
  trend: z.object({ previous: z.number().int().nullable(), previousAt: epochMs.nullable(), delta: z.number().int().nullable(), direction: z.enum(['up', 'down', 'flat', 'new']) }),
  breakdown: z.array(deductionSchema),
  notAssessed: scoreSchema.shape.notAssessed,
  topIssues: z.array(z.object({ cause: z.string(), points: z.number().int() })),
  monitors: monitorCounts,
  anomalies: z.array(anomalySchema),
  pendingApprovals: z.object({ count: z.number().int(), oldestAt: epochMs.nullable() }),
  failedRuns24h: z.number().int(),
  sync: remoteStatusSchema,
  /** The founder's requests since `since` (the last hour; the app's own API calls left out): the error rate is serverErrors per request. */
  traffic: z.object({ since: epochMs, requests: z.number().int(), serverErrors: z.number().int(), p95Ms: z.number().nullable() }),
  /** The app's own error and warning log lines since `since` (the last hour): shown apart, never scored. */
  appLog: z.object({ since: epochMs, errors: z.number().int(), warnings: z.number().int() }),
  /** Revenue: failed payments, open DFY requests, webhook refusals, MRR (null where revenue is not wired in). */
  revenue: revenueSummarySchema.nullable(),
});
export type ExecutiveSummary = z.infer<typeof summarySchema>;

export const upgradePlanSchema = z.object({
  applied: z.literal(false),
  currentVersion: z.string(),
  targetVersion: z.string(),
  kind: z.enum(['major', 'minor', 'patch', 'prerelease', 'same', 'downgrade']),
  schema: z.object({ current: z.number().int(), target: z.number().int(), pending: z.array(z.number().int()) }),
  steps: z.array(z.object({ order: z.number().int(), title: z.string(), detail: z.string(), class: stepClassSchema })),
  risks: z.array(z.object({ level: z.enum(['high', 'medium', 'low']), risk: z.string(), mitigation: z.string() })),
  blockers: z.array(z.string()),
});
export type UpgradePlan = z.infer<typeof upgradePlanSchema>;

const nonEmpty = (max: number) => z.string().min(1, 'must not be empty').max(max, 'is too long');
const id = nonEmpty(100);

export const guardianProcedures = {
  'guardian.monitors': procedure({
    summary: 'Every monitor with its state, last check and message.',
    input: noInput,
    output: listOf('monitors', monitorSchema),
  }),
  'guardian.monitorTypes': procedure({
    summary: 'The monitor types (http, postgres, push, internal…), each with its settings as JSON Schema and the form\u2019s hints.',
    input: noInput,
    output: listOf('monitorTypes', monitorTypeInfoSchema),
  }),
  'guardian.addMonitor': procedure({
    summary: 'Add a monitor: its type, the common fields and the type\u2019s settings (guardian.monitorTypes); a bad URL, an interval below 1 s or an unknown type is refused naming the field.',
    input: monitorFieldsSchema,
    output: monitorSchema,
  }),
  'guardian.updateMonitor': procedure({
    summary: 'Change a monitor\u2019s fields (maintenance windows, pause, retries, timeout, its type\u2019s settings…); its type stays.',
    input: commonFields.extend({ id }).catchall(z.unknown()),
    output: monitorSchema,
  }),
  'guardian.removeMonitor': procedure({
    summary: 'Remove a monitor and its heartbeat history.',
    input: byId(id),
    output: z.object({ removed: z.boolean() }),
  }),
  'guardian.check': procedure({
    summary: 'Run every monitor (or one) once now, all at once, each bounded by its timeout.',
    input: z.object({ id: id.optional() }).strict(),
    output: listOf('monitors', monitorSchema),
  }),
  'guardian.beats': procedure({
    summary: 'A monitor\u2019s heartbeat history, newest first.',
    input: z.object({ id, since: epochMs.optional(), limit: howMany(5000, 100) }).strict(),
    output: listOf('beats', beatSchema),
  }),
  'guardian.monitorStats': procedure({
    summary: 'Every monitor\u2019s uptime over 24 h and 30 days, its newest beats and its average response times over a window (default the last 24 h).',
    input: z
      .object({
        from: epochMs.optional(),
        to: epochMs.optional(),
        /** Slices of the window the response times are averaged over. */
        points: howMany(500, 60),
        /** Newest beats per monitor. */
        beats: howMany(200, 50),
      })
      .strict(),
    output: z.object({ from: epochMs, to: epochMs, monitors: z.array(monitorStatsSchema) }),
  }),
  'guardian.ping': procedure({
    summary: 'Record a ping for a push monitor by its token (what GET|POST /heartbeat/<token> does).',
    input: z.object({ token: nonEmpty(200) }).strict(),
    output: monitorSchema,
  }),
  'guardian.score': procedure({
    summary: 'The health score now (0\u2013100) with its breakdown; the deductions add up to 100 \u2212 score.',
    input: noInput,
    output: scoreSchema,
  }),
  'guardian.scoreHistory': procedure({
    summary: 'Stored scores (hourly), oldest first, for the chart.',
    input: z.object({ since: epochMs.optional(), limit: howMany(10_000, 720) }).strict(),
    output: z.object({ points: z.array(z.object({ at: epochMs, score: z.number().int() })) }),
  }),
  'guardian.healingPlan': procedure({
    summary: 'A dry-run healing plan: per finding an action, its class, evidence and expected effect. Nothing is applied.',
    input: noInput,
    output: healingPlanSchema,
  }),
  'guardian.requestHealing': procedure({
    summary: 'Ask for the founder\u2019s approval to apply one healing plan step (by its id); approving applies it through its owning service. An action that cannot be applied here is refused with the reason.',
    input: z.object({ stepId: nonEmpty(300) }).strict(),
    output: approvalSchema,
  }),
  'guardian.summary': procedure({
    summary: 'The executive summary: score and trend, top issues, anomalies, monitors, pending approvals, sync state.',
    input: noInput,
    output: summarySchema,
  }),
  'guardian.upgradePlan': procedure({
    summary: 'Design an upgrade to an available version (backup first, migrations, risks); never applies it.',
    input: z
      .object({
        availableVersion: semverSchema,
        currentVersion: semverSchema.optional(),
        /** The database schema the new build brings (default: this build\u2019s newest). */
        targetSchemaVersion: z.number().int().min(0).optional(),
        releaseNotes: releaseNotesSchema.optional(),
      })
      .strict(),
    output: upgradePlanSchema,
  }),
};

export const guardianEvents = {
  'guardian.monitorChanged': event({
    summary: 'A monitor changed state (UP, DOWN, PENDING, MAINTENANCE), or was added, edited or removed.',
    payload: z.object({ monitor: monitorSchema.nullable(), id: z.string(), previous: monitorStateSchema.nullable(), reason: z.enum(['check', 'added', 'updated', 'removed']) }),
  }),
  'guardian.alert': event({
    summary: 'A notification: a monitor went DOWN, came back UP, or is still DOWN after the resend interval.',
    payload: z.object({ monitorId: z.string(), name: z.string(), kind: z.enum(['down', 'up', 'resend']), message: z.string(), at: epochMs }),
  }),
  'guardian.beat': event({
    summary: 'A monitor was checked: its new beat (every check, for the heartbeat bar; a state change also sends guardian.monitorChanged).',
    payload: beatSchema.omit({ important: true }),
  }),
  'guardian.scoreStored': event({ summary: 'The hourly health score was stored.', payload: z.object({ at: epochMs, score: z.number().int() }) }),
};
