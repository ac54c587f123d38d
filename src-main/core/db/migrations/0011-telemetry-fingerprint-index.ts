export const name = 'telemetry-fingerprint-index';

/**
 * No index on telemetry_logs (fingerprint, ts): it cost every ingested row an index insert
 * (about a fifth of ingest). The fingerprint filter reads the fingerprint rollups
 * instead — which minutes, hours or days hold the fingerprint — and only those stretches of
 * the ts index (level-ranges.ts), so the rollups get the index by fingerprint.
 */
export const sql = /* sql */ `
DROP INDEX telemetry_logs_fingerprint;
CREATE INDEX telemetry_rollup_fingerprints_by_fingerprint ON telemetry_rollup_fingerprints (fingerprint, grain, bucket);
`;
