/**
 * Telemetry vocabulary shared by the contract, core and (later) the Telemetry page.
 * A row's wire shape (ingest, query, remote) uses the snake_case column names.
 */
export const telemetryLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type TelemetryLevel = (typeof telemetryLevels)[number];

export const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE'] as const;

export const anomalyKinds = ['repeated_message', 'slow_endpoint', 'error_burn_rate', 'volume_spike', 'volume_drop'] as const;
export type AnomalyKind = (typeof anomalyKinds)[number];

export const anomalySeverities = ['page', 'ticket', 'warning'] as const;
export type AnomalySeverity = (typeof anomalySeverities)[number];

/** Limits of one POSTed or passed batch (a file given by path is streamed without the row cap). */
export const telemetryLimits = {
  maxBatchRows: 10_000,
  maxBatchBytes: 8 * 1024 * 1024,
  maxMessageChars: 16_384,
  maxMetaBytes: 16_384,
  /** A timestamp later than now + this is refused (clock skew allowance). */
  maxFutureSkewMs: 5 * 60_000,
} as const;
