export const name = 'telemetry-own-rollups';

/**
 * The rollups say whose rows they count: `own` is 1 for the app's own log lines (source
 * `app`, core/telemetry/app-log-tee.ts) and 0 for every other source, so the detectors and the
 * health score judge the founder's traffic without the app's own retries and warnings. The
 * three tables are rebuilt with `own` in the key; their counts so far were of both, and the
 * app's share of them is moved to `own = 1` from the raw rows still stored: per level and per
 * fingerprint exactly, per endpoint where every row of the bucket was the app's (an endpoint
 * both wrote to keeps its bucket under 0). Counts whose raw rows retention removed stay under 0.
 */
export const sql = /* sql */ `
CREATE TABLE telemetry_rollup_levels_v15 (
  grain  TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  level  TEXT NOT NULL,
  own    INTEGER NOT NULL,                  -- 1: the app's own log lines (source app); 0: every other source
  n      INTEGER NOT NULL,
  PRIMARY KEY (grain, bucket, level, own)
) STRICT, WITHOUT ROWID;
INSERT INTO telemetry_rollup_levels_v15 SELECT grain, bucket, level, 0, n FROM telemetry_rollup_levels;

CREATE TABLE telemetry_rollup_endpoints_v15 (
  grain    TEXT NOT NULL,
  bucket   INTEGER NOT NULL,
  endpoint TEXT NOT NULL,
  method   TEXT NOT NULL,
  own      INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  errors   INTEGER NOT NULL,
  dur_n    INTEGER NOT NULL,
  dur_sum  REAL NOT NULL,
  dur_max  REAL NOT NULL,
  hist     TEXT NOT NULL,
  PRIMARY KEY (grain, bucket, endpoint, method, own)
) STRICT, WITHOUT ROWID;
INSERT INTO telemetry_rollup_endpoints_v15 SELECT grain, bucket, endpoint, method, 0, n, errors, dur_n, dur_sum, dur_max, hist FROM telemetry_rollup_endpoints;

CREATE TABLE telemetry_rollup_fingerprints_v15 (
  grain       TEXT NOT NULL,
  bucket      INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  own         INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (grain, bucket, fingerprint, own)
) STRICT, WITHOUT ROWID;
INSERT INTO telemetry_rollup_fingerprints_v15 SELECT grain, bucket, fingerprint, 0, n FROM telemetry_rollup_fingerprints;

CREATE TEMP TABLE v15_grains (grain TEXT NOT NULL, size INTEGER NOT NULL);
INSERT INTO v15_grains VALUES ('minute', 60000), ('hour', 3600000), ('day', 86400000);
CREATE TEMP TABLE v15_app AS
  SELECT g.grain, t.ts - t.ts % g.size AS bucket, t.level, t.fingerprint, t.endpoint, coalesce(t.method, '') AS method, t.status, t.duration_ms
  FROM telemetry_logs t, v15_grains g WHERE t.source = 'app';

INSERT INTO telemetry_rollup_levels_v15 (grain, bucket, level, own, n)
  SELECT a.grain, a.bucket, a.level, 1, min(a.n, l.n)
  FROM (SELECT grain, bucket, level, count(*) AS n FROM v15_app GROUP BY grain, bucket, level) a
  JOIN telemetry_rollup_levels_v15 l ON l.grain = a.grain AND l.bucket = a.bucket AND l.level = a.level AND l.own = 0;
UPDATE telemetry_rollup_levels_v15 AS l SET n = l.n - o.n
  FROM telemetry_rollup_levels_v15 AS o
  WHERE l.own = 0 AND o.own = 1 AND o.grain = l.grain AND o.bucket = l.bucket AND o.level = l.level;
DELETE FROM telemetry_rollup_levels_v15 WHERE n <= 0;

INSERT INTO telemetry_rollup_fingerprints_v15 (grain, bucket, fingerprint, own, n)
  SELECT a.grain, a.bucket, a.fingerprint, 1, min(a.n, f.n)
  FROM (SELECT grain, bucket, fingerprint, count(*) AS n FROM v15_app GROUP BY grain, bucket, fingerprint) a
  JOIN telemetry_rollup_fingerprints_v15 f ON f.grain = a.grain AND f.bucket = a.bucket AND f.fingerprint = a.fingerprint AND f.own = 0;
UPDATE telemetry_rollup_fingerprints_v15 AS f SET n = f.n - o.n
  FROM telemetry_rollup_fingerprints_v15 AS o
  WHERE f.own = 0 AND o.own = 1 AND o.grain = f.grain AND o.bucket = f.bucket AND o.fingerprint = f.fingerprint;
DELETE FROM telemetry_rollup_fingerprints_v15 WHERE n <= 0;

UPDATE telemetry_rollup_endpoints_v15 AS e SET own = 1
  FROM (SELECT grain, bucket, endpoint, method, count(status) AS n, count(duration_ms) AS dur_n FROM v15_app
        WHERE endpoint IS NOT NULL AND (status IS NOT NULL OR duration_ms IS NOT NULL) GROUP BY grain, bucket, endpoint, method) a
  WHERE e.own = 0 AND e.grain = a.grain AND e.bucket = a.bucket AND e.endpoint = a.endpoint AND e.method = a.method AND e.n = a.n AND e.dur_n = a.dur_n;

DROP TABLE v15_app;
DROP TABLE v15_grains;
DROP TABLE telemetry_rollup_levels;
DROP TABLE telemetry_rollup_endpoints;
DROP TABLE telemetry_rollup_fingerprints;
ALTER TABLE telemetry_rollup_levels_v15 RENAME TO telemetry_rollup_levels;
ALTER TABLE telemetry_rollup_endpoints_v15 RENAME TO telemetry_rollup_endpoints;
ALTER TABLE telemetry_rollup_fingerprints_v15 RENAME TO telemetry_rollup_fingerprints;
CREATE INDEX telemetry_rollup_fingerprints_by_fingerprint ON telemetry_rollup_fingerprints (fingerprint, grain, bucket);
`;
