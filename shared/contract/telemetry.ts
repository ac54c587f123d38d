import { z } from 'zod';
import { event, procedure } from './procedure';
import { epochMs, exactlyOneOf, howMany, listOf, noInput } from './common';
import { anomalyKinds, anomalySeverities, telemetryLevels, telemetryLimits } from '../telemetry';

const levelSchema = z.enum(telemetryLevels, { error: () => `must be one of ${telemetryLevels.join(', ')}` });

/** One stored row (the columns, snake_case as on the wire and in Postgres). */
export const telemetryRowSchema = z.object({
  id: z.string(),
  ts: epochMs,
  level: levelSchema,
  source: z.string(),
  message: z.string(),
  fingerprint: z.string(),
  endpoint: z.string().nullable(),
  method: z.string().nullable(),
  status: z.number().int().nullable(),
  duration_ms: z.number().nullable(),
  trace_id: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()).nullable(),
  /** local: written here (pushed by sync); remote: pulled from the remote telemetry_logs. */
  origin: z.enum(['local', 'remote']),
});
export type TelemetryRowOut = z.infer<typeof telemetryRowSchema>;

export const telemetryGroupSchema = z.object({
  fingerprint: z.string(),
  level: levelSchema,
  source: z.string(),
  sample: z.string(),
  count: z.number().int(),
  firstSeen: epochMs,
  lastSeen: epochMs,
});
export type TelemetryGroup = z.infer<typeof telemetryGroupSchema>;

export const anomalySchema = z.object({
  id: z.string(),
  kind: z.enum(anomalyKinds),
  severity: z.enum(anomalySeverities),
  /** What it is about: an endpoint (`GET /api/x`), a fingerprint, or `all` for volume. */
  subject: z.string(),
  summary: z.string(),
  windowStart: epochMs,
  windowEnd: epochMs,
  detectedAt: epochMs,
  lastSeenAt: epochMs,
  /** The numbers behind it: counts, baselines, thresholds, burn rates per window. */
  numbers: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});
export type Anomaly = z.infer<typeof anomalySchema>;

const compared = z.object({ count: z.number(), previous: z.number() });

export const dailyReportSchema = z.object({
  date: z.string(),
  from: epochMs,
  to: epochMs,
  total: compared,
  byLevel: z.array(compared.extend({ level: levelSchema })),
  topErrors: z.array(compared.extend({ fingerprint: z.string(), level: levelSchema, sample: z.string() })),
  slowestEndpoints: z.array(
    z.object({
      endpoint: z.string(),
      method: z.string(),
      requests: z.number().int(),
      errors: z.number().int(),
      p95Ms: z.number(),
      previousP95Ms: z.number().nullable(),
      previousRequests: z.number().int(),
    }),
  ),
  anomalies: z.object({ count: z.number().int(), previous: z.number().int(), items: z.array(anomalySchema) }),
});
export type DailyReport = z.infer<typeof dailyReportSchema>;

export const syncResultSchema = z.object({
  pushed: z.number().int(),
  pulled: z.number().int(),
  /** Rows still waiting: local rows not yet pushed plus remote rows not yet pulled. */
  lagRows: z.number().int(),
  /** Remote rows that failed validation and were not stored locally (counted, logged). */
  skipped: z.number().int(),
  durationMs: z.number(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;

export const seriesPointSchema = z.object({ x: epochMs, y: z.number() });

const timeRange = { from: epochMs.optional(), to: epochMs.optional() };
const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `is longer than ${max} characters`);

export const telemetryProcedures = {
  'telemetry.ingest': procedure({
    summary: 'Store a batch of telemetry rows (NDJSON or a JSON array in `body`, or a file by `path` from the CLI): all or nothing.',
    localPaths: ['path'],
    input: z
      .object({
        body: z.string().max(telemetryLimits.maxBatchBytes, `is larger than ${telemetryLimits.maxBatchBytes / 1024 / 1024} MB`).optional(),
        path: text(4096).optional(),
      })
      .strict()
      .refine(...exactlyOneOf(['body', 'path'], 'body')),
    output: z.object({ accepted: z.number().int(), duplicates: z.number().int() }),
  }),
  'telemetry.query': procedure({
    summary: 'Rows, newest first, filtered by time, level, source, endpoint, fingerprint and text; page on with nextCursor. The first page also says how many rows match (total).',
    input: z
      .object({
        ...timeRange,
        levels: z.array(levelSchema).max(telemetryLevels.length).optional(),
        source: text(200).optional(),
        endpoint: text(512).optional(),
        fingerprint: text(64).optional(),
        text: text(200).optional(),
        limit: howMany(1000, 100),
        cursor: text(100).optional(),
      })
      .strict(),
    output: z.object({
      rows: z.array(telemetryRowSchema),
      nextCursor: z.string().optional(),
      /** First page only (no cursor): rows matching the filters, whatever the limit. */
      total: z.number().int().optional(),
      /** true when `total` is a floor: a text, source, endpoint or fingerprint filter counts at most 100,000 rows. */
      totalCapped: z.boolean().optional(),
    }),
  }),
  'telemetry.groups': procedure({
    summary: 'Rows grouped by fingerprint over a time range, most frequent first.',
    input: z.object({ ...timeRange, levels: z.array(levelSchema).max(telemetryLevels.length).optional(), limit: howMany(500, 50) }).strict(),
    output: listOf('groups', telemetryGroupSchema),
  }),
  'telemetry.series': procedure({
    summary: 'A chart series (volume, errors or p95) from the rollups, downsampled with LTTB to at most `points`.',
    input: z
      .object({
        metric: z.enum(['volume', 'errors', 'p95']),
        from: epochMs,
        to: epochMs,
        endpoint: text(512).optional(),
        points: z.number().int().min(3).max(5000).default(500),
      })
      .strict(),
    output: z.object({ grain: z.enum(['minute', 'hour', 'day']), points: z.array(seriesPointSchema) }),
  }),
  'telemetry.detect': procedure({
    summary: 'Run every anomaly detector now; returns the anomalies found or still going on.',
    input: noInput,
    output: listOf('anomalies', anomalySchema),
  }),
  'telemetry.anomalies': procedure({
    summary: 'Stored anomalies, newest first, each with the numbers behind it.',
    input: z.object({ since: epochMs.optional(), until: epochMs.optional(), kind: z.enum(anomalyKinds).optional(), limit: howMany(1000, 100) }).strict(),
    output: listOf('anomalies', anomalySchema),
  }),
  'telemetry.report': procedure({
    summary: 'The daily report for a UTC day (default: yesterday), each figure beside the day before.',
    input: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional() }).strict(),
    output: dailyReportSchema,
  }),
  'telemetry.sync': procedure({
    summary: 'Push local rows to the remote Postgres and pull the hosted site\u2019s rows, resuming from the cursors.',
    input: noInput,
    output: syncResultSchema,
  }),
  'telemetry.cancelSync': procedure({
    summary: 'Stop a running sync after its current batch (the cursors keep what was done).',
    input: noInput,
    output: z.object({ cancelled: z.boolean() }),
  }),
  'telemetry.prune': procedure({
    summary: 'Apply retention now: old raw rows and rollups removed, the file shrunk.',
    input: noInput,
    output: z.object({ rows: z.number().int(), rollups: z.number().int(), anomalies: z.number().int(), freedPages: z.number().int() }),
  }),
};

export const telemetryEvents = {
  'telemetry.ingested': event({
    summary: 'A batch of rows was stored.',
    payload: z.object({ accepted: z.number().int(), via: z.enum(['api', 'http', 'file', 'app', 'remote']) }),
  }),
  'telemetry.anomaly': event({ summary: 'A new anomaly was detected.', payload: anomalySchema }),
  'telemetry.syncProgress': event({
    summary: 'Sync progress: rows done in the current phase and how many were waiting when it began.',
    payload: z.object({ phase: z.enum(['push', 'pull', 'done', 'failed']), done: z.number().int(), total: z.number().int(), message: z.string().optional() }),
  }),
};
