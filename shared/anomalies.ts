import type { AnomalyKind, AnomalySeverity } from './telemetry';

/**
 * Anomalies in a founder's words, for every page and command that shows one: the kind's name,
 * a title (a repeated message by its text, never its fingerprint), the figures behind it
 * named in words (`error burn rate, last 5 min`, not `burn_5m`), and the order to list them in.
 */
export const anomalyKindLabel: Record<AnomalyKind, string> = {
  repeated_message: 'Repeated message',
  slow_endpoint: 'Unusual latency',
  error_burn_rate: 'Error burn rate',
  volume_spike: 'Traffic spike',
  volume_drop: 'Traffic drop',
};

export const anomalySeverityLabel: Record<AnomalySeverity, string> = { page: 'urgent', ticket: 'needs a look', warning: 'worth knowing' };

const severityRank: Record<AnomalySeverity, number> = { page: 0, ticket: 1, warning: 2 };

/** The shape these helpers read: any anomaly (contract or core finding). */
interface AnomalyLike {
  kind: AnomalyKind;
  severity: AnomalySeverity;
  subject: string;
  summary: string;
  lastSeenAt?: number;
  numbers: Record<string, number | string | null>;
}

/** Most severe first (page, ticket, warning), then the most recently seen. */
export function bySeverity(a: AnomalyLike, b: AnomalyLike): number {
  return severityRank[a.severity] - severityRank[b.severity] || (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0);
}

/** What it is about, in words: a repeated message's text, an endpoint, or "all traffic". */
export function anomalyTitle(a: AnomalyLike): string {
  if (a.kind === 'repeated_message') {
    const message = typeof a.numbers.message === 'string' ? a.numbers.message : /^"(.*)" \(/.exec(a.summary)?.[1];
    return message ? `\u201c${message}\u201d` : 'a repeated message';
  }
  if (a.kind === 'volume_spike' || a.kind === 'volume_drop') return a.subject === 'all' ? 'all traffic' : a.subject;
  return a.subject;
}

const windowWords: Record<string, string> = { '5m': '5 min', '30m': '30 min', '1h': 'hour', '2h': '2 h', '6h': '6 h', '1d': 'day' };

const numberLabels: Record<string, string> = {
  count: 'times in the window',
  expected: 'times expected in the window',
  ratio: 'times its usual rate',
  baselineCount: 'times in the 24 h before',
  baselineMinutes: 'minutes of history compared',
  windowMinutes: 'window (minutes)',
  factor: 'alerts at (× usual rate)',
  minCount: 'alerts from (times)',
  level: 'level',
  p95Ms: 'p95 latency (ms)',
  baselineP95Ms: 'usual p95 latency (ms)',
  thresholdMs: 'slow above (ms)',
  overBaseline: 'alerts at (× usual latency)',
  requests: 'requests',
  baselineRequests: 'requests in the 24 h before',
  slo: 'availability objective',
  errorBudget: 'error budget (share of requests allowed to fail)',
  rule: 'rule that fired',
  threshold: 'alert threshold',
  peakPerMinute: 'peak rows a minute',
  lowestPerMinute: 'lowest rows a minute',
  medianPerMinute: 'usual rows a minute',
  mad: 'usual variation (rows a minute)',
  scale: 'variation compared against (rows a minute)',
  z: 'how unusual (× the usual variation)',
  minutes: 'minutes it lasted',
};

/** A figure's name in words; an unknown one is spelled out from its key. */
export function anomalyNumberLabel(key: string): string {
  const known = numberLabels[key];
  if (known) return known;
  const windowed = /^(burn|requests|errors)_(\w+)$/.exec(key);
  if (windowed) {
    const [, what, span] = windowed as unknown as [string, string, string];
    const last = `last ${windowWords[span] ?? span}`;
    return what === 'burn' ? `error burn rate, ${last}` : what === 'requests' ? `requests, ${last}` : `5xx answers, ${last}`;
  }
  return key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
}

/** The figures shown beside an anomaly: every number but the ones its title already says. */
export function anomalyFigures(a: AnomalyLike): Array<{ key: string; label: string; value: number | string | null }> {
  return Object.entries(a.numbers)
    .filter(([key]) => key !== 'message')
    .map(([key, value]) => ({ key, label: anomalyNumberLabel(key), value }));
}
